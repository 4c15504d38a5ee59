# Build with the Maven wrapper, run the packaged app as a non-root user.
#   docker build -t supplement-articles-api .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/supplements \
#     -e QUARKUS_DATASOURCE_USERNAME=... -e QUARKUS_DATASOURCE_PASSWORD=... -e SUPPLEMENTS_ADMIN_KEY=... supplement-articles-api

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY openapi openapi
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home supplements
WORKDIR /app
COPY --from=build --chown=10001 /build/target/quarkus-app/ /app/
USER 10001
EXPOSE 8080
# Configured by the environment: QUARKUS_HTTP_PORT, QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME,
# QUARKUS_DATASOURCE_PASSWORD, SUPPLEMENTS_ADMIN_KEY, SUPPLEMENTS_SAMPLE_CONTENT.
# A small heap and the serial collector: the resident set stays under 300 MB under load on 2 cores
# (bench/run.sh measures it). Native memory freed after large answers (3.5 MB feed pages) is handed
# back to the OS every 5 s, or it stays resident (bench/scale.sh). Override with
# -e JAVA_TOOL_OPTIONS=... for bigger machines.
ENV JAVA_TOOL_OPTIONS="-Xms32m -Xmx128m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=5000"
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]

# The portal as a container: built from this project with its own Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend-assets frontend-assets
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package && cp target/sms-portal-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 smsportal && mkdir -p /data && chown smsportal /data
USER smsportal
WORKDIR /app
COPY --from=build /src/app.jar app.jar
ENV SMSPORTAL_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

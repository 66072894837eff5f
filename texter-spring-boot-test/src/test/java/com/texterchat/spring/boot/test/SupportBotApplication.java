package com.texterchat.spring.boot.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the README's Spring Boot section, as its test runs it. */
@SpringBootApplication
public class SupportBotApplication {
}

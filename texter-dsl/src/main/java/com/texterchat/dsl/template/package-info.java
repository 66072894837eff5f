/**
 * WhatsApp templates: {@link com.texterchat.dsl.template.Templates} starts the builders for sending a template
 * (Send Template Message) and for defining one (Create New Template, Create or Update Localization, Update
 * Existing Template); {@link com.texterchat.dsl.template.TemplateRules} holds the limits and validates the
 * generated request models.
 */
@NullMarked
package com.texterchat.dsl.template;

import org.jspecify.annotations.NullMarked;

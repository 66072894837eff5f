/**
 * Test support for code that uses the Texter SDK: fakes, fixtures and stubs of the Texter API.
 */
package com.texterchat.testkit;

/**
 * Pure functions over text written by people and for people: the readable text of an HTML
 * body, email addresses as people type them, and instants as mail and records show them. They
 * may use jsoup, RE2/J and Jakarta Mail's address parser, and nothing else: no framework, no
 * I/O, so every other package can share one answer and tests call them as plain functions.
 */
package org.conductd.text;

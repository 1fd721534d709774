/** Command-line entry points: each command parses its options and delegates to one service call. */
package io.hingekit.cli;

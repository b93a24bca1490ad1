// Command truce is the ceasefire monitoring and verification system: its
// server, its demo, and the offline tools of shared/spec/surface.md. Run
// "truce help" for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/truce-monitor/truce"
)

// command is one subcommand. Each lives in its own file and registers
// itself in an init function.
type command struct {
	name    string // as typed: "log verify" for nested commands
	summary string // one line for the command list
	usage   string // the usage line(s) and examples shown by -h
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: its streams and environment, so tests
// can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// usageError is bad usage: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an exit status without a message (already printed).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a command and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(e.stdout)
		return 0
	}
	c, rest := lookup(args)
	if c == nil {
		fmt.Fprintf(e.stderr, "truce: unknown command %q; run 'truce help' for the list\n", strings.Join(args[:min(2, len(args))], " "))
		return 2
	}
	err := c.run(ctx, e, rest)
	return exitCode(e, c, err)
}

func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:]
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c, args[1:]
	}
	return nil, nil
}

func exitCode(e *env, c *command, err error) int {
	var ue usageError
	var xe exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &xe):
		return xe.code
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "truce %s: %s\nrun 'truce %s -h' for usage\n", c.name, ue.msg, c.name)
		return 2
	case truce.ErrorCode(err) == truce.EINVALID:
		fmt.Fprintf(e.stderr, "truce %s: %s\n", c.name, truce.ErrorMessage(err))
		return 1
	default:
		fmt.Fprintf(e.stderr, "truce %s: %v\n", c.name, err)
		return 1
	}
}

// flags returns a flag set for c whose -h prints c's usage and flags.
func (c *command) flags(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("truce "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "%s\n\n", strings.TrimSpace(c.usage))
		fmt.Fprintln(e.stderr, "Flags:")
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args into fs, turning flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "truce: ceasefire monitoring and verification.")
	fmt.Fprintln(w, "\nUsage: truce COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'truce COMMAND -h' for a command's flags and examples.")
	fmt.Fprintln(w, "Start here: 'truce demo' serves a working instance with realistic data.")
}

// The program's declarations as plain data, walked from the same commander tree `--help` prints:
// the commands and their aliases, arguments and options, with the values an option or argument
// takes. The shell completions and the man page are made from it: there is no second list.

import type { Argument, Command, Option } from 'commander';

/** An option as declared. */
export interface OptionInfo {
  /** As declared and as `--help` prints it: `-t, --type <name>`. */
  flags: string;
  /** `-t`, when it has a short form. */
  short?: string;
  /** `--type`, when it has a long form. */
  long?: string;
  description: string;
  /** The name of its value (`name` for `<name>`), when it takes one. */
  value?: string;
  /** The values it takes, when declared (`Option.choices`). */
  choices?: readonly string[];
  /** Its default, when declared. */
  defaultValue?: string;
}

/** A positional argument as declared. */
export interface ArgumentInfo {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  /** The values it takes, when declared. */
  choices?: readonly string[];
}

/** A command as declared. */
export interface CommandInfo {
  name: string;
  aliases: readonly string[];
  description: string;
  /** How it is called, after the program's name: `grep [options] [pattern] [paths...]`. */
  usage: string;
  arguments: readonly ArgumentInfo[];
  options: readonly OptionInfo[];
}

/** The program: its own options, which every command also accepts, and its commands. */
export interface ProgramInfo {
  name: string;
  version: string;
  description: string;
  options: readonly OptionInfo[];
  commands: readonly CommandInfo[];
}

/** The value name of an option's flags: `name` in `-t, --type <name>`. */
function valueName(flags: string): string | undefined {
  return /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1]?.replace(/\.\.\.$/, '');
}

function optionInfo(option: Option): OptionInfo {
  const value = option.required || option.optional ? valueName(option.flags) : undefined;
  return {
    flags: option.flags,
    ...(option.short === undefined ? {} : { short: option.short }),
    ...(option.long === undefined ? {} : { long: option.long }),
    description: option.description,
    ...(value === undefined ? {} : { value }),
    ...(option.argChoices === undefined ? {} : { choices: option.argChoices }),
    // A negated option's default (true) is commander's, not one a user would set.
    ...(option.defaultValue === undefined || option.negate ? {} : { defaultValue: String(option.defaultValue) }),
  };
}

function argumentInfo(argument: Argument, choices: readonly string[] | undefined): ArgumentInfo {
  return {
    name: argument.name(),
    description: argument.description,
    required: argument.required,
    variadic: argument.variadic,
    ...(choices === undefined ? {} : { choices }),
  };
}

/**
 * One command as `--help` shows it: its visible options, commander's `-h, --help` included.
 * `commandChoices` are the values of the implicit `help` command's argument: the commands.
 */
function commandInfo(cmd: Command, commandChoices?: readonly string[]): CommandInfo {
  const help = cmd.createHelp();
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: cmd.description(),
    usage: `${cmd.name()} ${cmd.usage()}`.trim(),
    arguments: cmd.registeredArguments.map((a) => argumentInfo(a, commandChoices ?? a.argChoices)),
    options: help.visibleOptions(cmd).map(optionInfo),
  };
}

/** The program's declarations, in the order `--help` lists them. */
export function describeProgram(program: Command): ProgramInfo {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.filter((c) => program.commands.includes(c)).map((c) => c.name());
  return {
    name: program.name(),
    version: program.version() ?? '',
    description: program.description(),
    options: help.visibleOptions(program).map(optionInfo),
    // The implicit `help` command (commander's own, not among program.commands) takes a command's name.
    commands: commands.map((c) => commandInfo(c, program.commands.includes(c) ? undefined : names)),
  };
}

/** Every name a command answers to: its name, then its aliases. */
export function commandNames(cmd: CommandInfo): string[] {
  return [cmd.name, ...cmd.aliases];
}

/** The flags an option answers to: `-t` and `--type`. */
export function optionNames(option: OptionInfo): string[] {
  return [option.short, option.long].filter((n): n is string => n !== undefined);
}

/**
 * The options a command accepts: its own, then the program's it has not (commander takes the
 * program's options after the command too: `corpus grep --no-config`).
 */
export function acceptedOptions(program: ProgramInfo, cmd: CommandInfo): OptionInfo[] {
  const own = new Set(cmd.options.flatMap(optionNames));
  return [...cmd.options, ...program.options.filter((o) => !optionNames(o).some((n) => own.has(n)))];
}

/** Whether the value of an option, or an argument, is completed with file names: a path. */
export function completesFiles(item: OptionInfo | ArgumentInfo): boolean {
  if (item.choices !== undefined) return false;
  return 'value' in item ? item.value === 'path' : true;
}

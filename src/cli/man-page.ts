// The man page, corpus(1), as roff: its commands, arguments and options walked from the program's
// declarations (command-tree.ts), the ones `--help` prints, their help texts as they are (no
// markup read in them), and its prose from man-page-text.ts.
// scripts/build-man.mjs writes it to man/corpus.1 when the package is built.

import { optionNames, type CommandInfo, type OptionInfo, type ProgramInfo } from './command-tree.js';
import { DESCRIPTION, PROSE_SECTIONS, type ProseSection } from './man-page-text.js';
import { argument, code, escapeText, helpText, placeholder, prose, textLine, usage, verbatim } from './roff.js';

/** `-t, --type <name>` in roff: each flag in bold, the value in italic. */
function flagsRoff(option: OptionInfo): string {
  const names = optionNames(option).map(code).join(', ');
  return option.value === undefined ? names : `${names} ${placeholder(option.value)}`;
}

/** A help text as a sentence: a capital first, a full stop last. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = `${trimmed[0]?.toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** An option's entry: its flags, its help, its choices and default when declared. */
function optionEntry(option: OptionInfo): string[] {
  const lines = ['.TP', flagsRoff(option), textLine(helpText(sentence(option.description)))];
  if (option.choices) lines.push(`One of: ${option.choices.map((c) => code(c)).join(', ')}.`);
  if (option.defaultValue !== undefined) lines.push(`Default: ${code(option.defaultValue)}.`);
  return lines;
}

/** Where a line's key joins options with the same flags and help: the commands that share it. */
const optionKey = (option: OptionInfo): string => `${option.flags}\n${option.description}`;

/** The commands that take each option, when more than one does (`--format`: list, show, grep…). */
function sharedOptions(program: ProgramInfo): Map<string, string[]> {
  const takers = new Map<string, string[]>();
  for (const cmd of program.commands) {
    for (const option of ownOptions(program, cmd)) {
      const key = optionKey(option);
      takers.set(key, [...(takers.get(key) ?? []), cmd.name]);
    }
  }
  return new Map([...takers].filter(([, names]) => names.length > 1));
}

/** A command's options but the program's (`-h, --help`), which OPTIONS describes once. */
function ownOptions(program: ProgramInfo, cmd: CommandInfo): OptionInfo[] {
  const programs = new Set(program.options.flatMap(optionNames));
  return cmd.options.filter((o) => !optionNames(o).every((n) => programs.has(n)));
}

/** `list, grep and summarise`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function commandSection(program: ProgramInfo, cmd: CommandInfo, shared: Map<string, string[]>): string[] {
  const lines = [
    '.SS ' + argument(cmd.name),
    usage(program.name, cmd.usage),
    '.PP',
    textLine(helpText(sentence(cmd.description))),
  ];
  if (cmd.aliases.length > 0) lines.push(`Also called ${listed(cmd.aliases.map((a) => code(a)))}.`);
  for (const arg of cmd.arguments) {
    lines.push('.TP', placeholder(arg.name));
    if (arg.description !== '') lines.push(textLine(helpText(sentence(arg.description))));
    if (arg.choices) lines.push(`One of: ${arg.choices.map((c) => code(c)).join(', ')}.`);
  }
  const own = ownOptions(program, cmd);
  lines.push(...own.filter((o) => !shared.has(optionKey(o))).flatMap(optionEntry));
  const groups = new Set(
    own.filter((o) => shared.has(optionKey(o))).map((o) => listed(shared.get(optionKey(o)) ?? [])),
  );
  if (groups.size > 0)
    lines.push('.PP', `Also the options shared by ${[...groups].join(', and by ')}: see \\fBSHARED OPTIONS\\fR.`);
  return lines;
}

/** SHARED OPTIONS: each option several commands take, once, under the commands that take it. */
function sharedSection(program: ProgramInfo, shared: Map<string, string[]>): string[] {
  const byGroup = new Map<string, OptionInfo[]>();
  const seen = new Set<string>();
  for (const cmd of program.commands) {
    for (const option of ownOptions(program, cmd)) {
      const key = optionKey(option);
      const takers = shared.get(key);
      if (takers === undefined || seen.has(key)) continue;
      seen.add(key);
      const group = listed(takers);
      byGroup.set(group, [...(byGroup.get(group) ?? []), option]);
    }
  }
  return [
    '.SH "SHARED OPTIONS"',
    ...[...byGroup].flatMap(([group, options]) => [
      '.SS ' + argument(`Taken by ${group}`),
      ...options.flatMap(optionEntry),
    ]),
  ];
}

function proseSection(section: ProseSection): string[] {
  const lines = [`.SH ${argument(section.title)}`];
  for (const block of section.blocks) {
    if (typeof block === 'string') lines.push('.PP', textLine(prose(block)));
    else if ('example' in block) lines.push(...verbatim(block.example));
    else lines.push('.TP', block.code ? code(block.term) : prose(block.term), textLine(prose(block.text)));
  }
  return lines;
}

/** corpus(1) as roff, made from the program's declarations. */
export function manPage(program: ProgramInfo): string {
  const shared = sharedOptions(program);
  const summary = program.description.replace(/\.$/, '');
  const lines = [
    `.\\" ${program.name}(1), written by scripts/build-man.mjs from the declarations of the program (src/cli/man-page.ts).`,
    `.TH ${program.name.toUpperCase()} 1 "" ${argument(`${program.name} ${program.version}`)} "User Commands"`,
    // Neither hyphenated nor justified: flags and file names stay whole, and spaces even.
    '.nh',
    '.ad l',
    '.SH NAME',
    `${program.name} \\- ${escapeText(`${summary[0]?.toLowerCase()}${summary.slice(1)}`)}`,
    '.SH SYNOPSIS',
    `${code(program.name)} [${placeholder('program options')}] ${placeholder('command')} [${placeholder('options')}] [${placeholder('arguments')}]`,
    ...program.commands.flatMap((cmd) => ['.br', usage(program.name, cmd.usage)]),
    ...proseSection(DESCRIPTION),
    '.SH OPTIONS',
    '.PP',
    'The options of the program, taken before or after the command:',
    ...program.options.flatMap(optionEntry),
    '.SH COMMANDS',
    ...program.commands.flatMap((cmd) => commandSection(program, cmd, shared)),
    ...sharedSection(program, shared),
    ...PROSE_SECTIONS.flatMap(proseSection),
  ];
  return `${lines.join('\n')}\n`;
}

// The fish completion script, written from the program's declarations: one `complete` line for
// each command and each option of each command, with its help text, the choices of the options
// and arguments that declare them, and file names where a path goes.

import {
  commandNames,
  completesFiles,
  optionNames,
  type CommandInfo,
  type OptionInfo,
  type ProgramInfo,
} from './command-tree.js';

/** Single-quoted for fish, where `\` and `'` are escaped inside quotes. */
function quoted(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** The flags of `complete` for an option: its names, its value, its help text. */
function optionFlags(option: OptionInfo): string {
  const names = [
    option.short === undefined ? '' : ` -s ${option.short.slice(1)}`,
    option.long === undefined ? '' : ` -l ${option.long.slice(2)}`,
  ].join('');
  let value = '';
  if (option.choices) value = ` -x -a ${quoted(option.choices.join(' '))}`;
  else if (option.value !== undefined) value = completesFiles(option) ? ' -r -F' : ' -x';
  return `${names}${value} -d ${quoted(option.description)}`;
}

/** The lines of one command: its options (but those of the program, offered everywhere), then its arguments'. */
function commandLines(program: ProgramInfo, cmd: CommandInfo): string[] {
  const name = program.name;
  const everywhere = new Set(program.options.flatMap(optionNames));
  const when = `-n ${quoted(`__fish_seen_subcommand_from ${commandNames(cmd).join(' ')}`)}`;
  const lines = [`\n# ${name} ${cmd.usage}`];
  for (const option of cmd.options) {
    if (!optionNames(option).every((n) => everywhere.has(n)))
      lines.push(`complete -c ${name} ${when}${optionFlags(option)}`);
  }
  const arg = cmd.arguments[0];
  if (arg?.choices) lines.push(`complete -c ${name} ${when} -a ${quoted(arg.choices.join(' '))}`);
  else if (arg && completesFiles(arg)) lines.push(`complete -c ${name} ${when} -F`);
  return lines;
}

/** The script `corpus completion fish` prints. */
export function fishCompletion(program: ProgramInfo): string {
  const name = program.name;
  const first = `-n __fish_use_subcommand`;
  const lines = [
    `# fish completion for ${name} ${program.version}, written by \`${name} completion fish\` from the`,
    `# options \`${name} --help\` lists. Save it as ~/.config/fish/completions/${name}.fish, or load it with`,
    `#   ${name} completion fish | source`,
    '',
    '# No file names unless a command or an option takes a path.',
    `complete -c ${name} -f`,
    "# The program's options: commander takes them after the command too.",
    ...program.options.map((option) => `complete -c ${name}${optionFlags(option)}`),
    '# The commands.',
    ...program.commands.flatMap((cmd) =>
      commandNames(cmd).map((n) => `complete -c ${name} ${first} -a ${quoted(n)} -d ${quoted(cmd.description)}`),
    ),
    ...program.commands.flatMap((cmd) => commandLines(program, cmd)),
  ];
  return `${lines.join('\n')}\n`;
}

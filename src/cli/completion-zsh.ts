// The zsh completion script, written from the program's declarations: `_arguments` specs for the
// program and each command, with the help text of every option, the choices of those that declare
// them, and file names where a path goes.

import {
  acceptedOptions,
  commandNames,
  completesFiles,
  optionNames,
  type ArgumentInfo,
  type CommandInfo,
  type OptionInfo,
  type ProgramInfo,
} from './command-tree.js';

/** Single-quoted for zsh. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** An option's help inside the brackets of an `_arguments` spec, where `[`, `]` and `\\` have a meaning. */
function help(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

/** A word between the colons of a spec (a value's name, a choice), where `:` and `\\` have a meaning. */
function field(text: string): string {
  return text.replace(/[:\\ ()]/g, (c) => `\\${c}`);
}

/** The action completing a value: its choices, file names, or nothing (a number, a pattern). */
function action(item: OptionInfo | ArgumentInfo): string {
  if (item.choices) return `(${item.choices.map(field).join(' ')})`;
  return completesFiles(item) ? '_files' : ' ';
}

/** One spec a flag: `--format=[output format]:format:(table tsv …)`, `-t+[…]:name: `. */
function optionSpecs(option: OptionInfo): string[] {
  const explanation = `[${help(option.description)}]`;
  return optionNames(option).map((flag) => {
    if (option.value === undefined) return quoted(`${flag}${explanation}`);
    // `-t+`: the value joined (`-tjson`) or the next word; `--type=`: after `=` or the next word.
    const joined = flag.startsWith('--') ? '=' : '+';
    return quoted(`${flag}${joined}${explanation}:${field(option.value)}:${action(option)}`);
  });
}

function argumentSpecs(args: readonly ArgumentInfo[]): string[] {
  return args.map((arg, i) => {
    const position = arg.variadic ? '*' : `${i + 1}`;
    return quoted(`${position}${arg.required || arg.variadic ? '' : ':'}:${field(arg.name)}:${action(arg)}`);
  });
}

/** The branch of one command: `_arguments` with its options and arguments. */
function commandBranch(program: ProgramInfo, cmd: CommandInfo): string {
  const specs = [...acceptedOptions(program, cmd).flatMap(optionSpecs), ...argumentSpecs(cmd.arguments)];
  return [
    `        (${commandNames(cmd).join('|')})`,
    `          _arguments -s -S \\`,
    ...specs.map((spec) => `            ${spec} \\`),
    `            && ret=0`,
    '          ;;',
  ].join('\n');
}

/** The script `corpus completion zsh` prints. */
export function zshCompletion(program: ProgramInfo): string {
  const name = program.name;
  const fn = `_${name.replace(/\W/g, '_')}`;
  const commands = program.commands.flatMap((cmd) =>
    commandNames(cmd).map((n) => quoted(`${n.replaceAll(':', '\\:')}:${cmd.description}`)),
  );
  return `#compdef ${name}
# zsh completion for ${name} ${program.version}, written by \`${name} completion zsh\` from the
# options \`${name} --help\` lists. Save it as _${name} in a folder of $fpath (before compinit runs),
# or load it in ~/.zshrc, after compinit, with
#   source <(${name} completion zsh)

${fn}() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  local -a commands
  commands=(
${commands.map((c) => `    ${c}`).join('\n')}
  )
  _arguments -C \\
${program.options
  .flatMap(optionSpecs)
  .map((spec) => `    ${spec} \\`)
  .join('\n')}
    '1: :->command' \\
    '*:: :->argument' \\
    && ret=0
  case $state in
    command)
      _describe -t commands '${name} command' commands && ret=0
      ;;
    argument)
      curcontext=\${curcontext%:*:*}:${name}-$words[1]:
      case $words[1] in
${program.commands.map((c) => commandBranch(program, c)).join('\n')}
      esac
      ;;
  esac
  return ret
}

if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${name}
fi
`;
}

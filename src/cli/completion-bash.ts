// The bash completion script, written from the program's declarations: the commands and their
// aliases, each command's options, the values of options and arguments that declare choices.
// Plain bash (COMP_WORDS, compgen): it needs no bash-completion package.

import { acceptedOptions, commandNames, optionNames, type CommandInfo, type ProgramInfo } from './command-tree.js';

/** A word list for the script, single-quoted: `'a b c'`. */
function quoted(words: readonly string[]): string {
  return `'${words.join(' ').replaceAll("'", `'\\''`)}'`;
}

/** The pattern of a `case` branch: `'summarise'|'summarize'`. */
function pattern(words: readonly string[]): string {
  return words.map((w) => quoted([w])).join('|');
}

/** The branch of one command: its option words, and the values of the option before the cursor. */
function commandBranch(program: ProgramInfo, cmd: CommandInfo): string {
  const options = acceptedOptions(program, cmd);
  const lines = [`    ${pattern(commandNames(cmd))})`, `      opts=${quoted(options.flatMap(optionNames))}`];
  const choices = cmd.arguments.find((a) => a.choices !== undefined)?.choices;
  if (choices) lines.push(`      args=${quoted(choices)}`);
  const valued = options.filter((o) => o.value !== undefined);
  const open = valued.filter((o) => o.choices === undefined);
  if (valued.length > 0) {
    lines.push('      case $prev in');
    for (const option of valued) {
      if (option.choices)
        lines.push(`        ${pattern(optionNames(option))}) valued=1 values=${quoted(option.choices)} ;;`);
    }
    if (open.length > 0) lines.push(`        ${pattern(open.flatMap(optionNames))}) valued=1 ;;`);
    lines.push('      esac');
  }
  lines.push('      ;;');
  return lines.join('\n');
}

/** The script `corpus completion bash` prints. */
export function bashCompletion(program: ProgramInfo): string {
  const name = program.name;
  const fn = `_${name.replace(/\W/g, '_')}`;
  const top = [
    `    '')`,
    `      opts=${quoted(program.options.flatMap(optionNames))}`,
    `      args=${quoted(program.commands.flatMap(commandNames))}`,
    '      ;;',
  ];
  return `# bash completion for ${name} ${program.version}, written by \`${name} completion bash\` from the
# options \`${name} --help\` lists. Load it in ~/.bashrc with
#   source <(${name} completion bash)
# or save it as ~/.local/share/bash-completion/completions/${name}.

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev='' cmd='' i
  local opts='' args='' values='' valued=''
  COMPREPLY=()
  # Bash splits --format=json at the '=' (COMP_WORDBREAKS): the option is before it.
  if [[ $cur == '=' ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-1]}
    cur=''
  elif ((COMP_CWORD > 1)) && [[ \${COMP_WORDS[COMP_CWORD-1]} == '=' ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  elif ((COMP_CWORD > 0)); then
    prev=\${COMP_WORDS[COMP_CWORD-1]}
  fi
  # The command is the first word that is not an option: the program's options take no value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      --) break ;;
      -*) ;;
      *)
        cmd=\${COMP_WORDS[i]}
        break
        ;;
    esac
  done
  case $cmd in
${[top.join('\n'), ...program.commands.map((c) => commandBranch(program, c))].join('\n')}
  esac
  if [[ -n $valued ]]; then
    # An option's value: its choices; else (a path, a number…) bash's file names (-o default).
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n $args ]]; then
    COMPREPLY=($(compgen -W "$args" -- "$cur"))
  fi
  return 0
}
complete -o default -F ${fn} ${name}
`;
}

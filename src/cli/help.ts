export const version = '0.1.0';

export const helpText = `deploy-doctor ${version}: find out why deployments hurt, and what to fix first

Usage
  deploy-doctor                         start the guided diagnosis (interactive terminal)
  deploy-doctor report ANSWERS          write the diagnosis and fix plan for an answers file
        [--format md|json|html|confluence|csv] [--mermaid] [-o FILE|-] [--force]
  deploy-doctor portfolio ANSWERS...    several teams side by side (2 to 200 answers files)
        [--format md|html|confluence|csv|json] [-o FILE] [--force]
  deploy-doctor compare BEFORE AFTER    one team's progress between two assessments, earlier first
        [--format md|html|confluence|json] [-o FILE] [--force: also compare two teams]
  deploy-doctor next ANSWERS [--json] [--all]
                                        the most useful next question, or why to stop
  deploy-doctor merge ANSWERS ANSWERS... [-o FILE] [--anonymous] [--force]
                                        combine files people filled in on their own
                                        into one team file (version 2)
  deploy-doctor search TEXT [--json] [--limit N]
                                        find symptoms by describing them in your own words
  deploy-doctor list symptoms|anti-patterns|questions [--json]
  deploy-doctor validate [DIR]          check a knowledge directory (default: the bundled one)

Options for the guided diagnosis
  --room                facilitator mode: count a show of hands for each question,
                        then take the room's dot vote on the results
  --resume              continue the last saved session where you left it
  --session FILE        save to (and continue) this answers file
  --sessions            list the saved sessions, newest first, and exit
  --no-color            no colours (NO_COLOR is honoured too)
  Sessions are saved under $XDG_STATE_HOME/deploy-doctor (or ~/.local/state/deploy-doctor).

Options for every command
  -k, --knowledge DIR   layer your own knowledge pack over the bundled one (repeatable)
  -h, --help            show this help
  -V, --version         show the version

ANSWERS is a YAML or JSON file (or - for standard input):
  version: 1
  team: Payments
  date: 2026-11-21
  symptoms: [fear-of-deploying, merge-freeze]
  answers:
    deploy-automated: no
    pipeline-exists: partly

Exit codes: 0 success, 1 invalid answers or knowledge, 2 usage error.
`;

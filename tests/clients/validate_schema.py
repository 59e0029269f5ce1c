"""Validate notices against `notice schema` with validators that are not notice's own.

Usage: validate_schema.py SCHEMA.json --valid FILE... --invalid FILE...

Each file is loaded twice, with ruamel.yaml as YAML 1.2 (the version notice reads) and
with PyYAML (YAML 1.1, the loader most Python tools use), and each result is validated
with the `jsonschema` package (Draft 2020-12, the dialect the schema declares). A file
under --valid must load and validate with both loaders; a file under --invalid must be
refused by both (a YAML error counts as refused). Prints one line per file and the
reasons for any disagreement; exits 1 if any file disagrees, 2 if it cannot run.
"""

import importlib.metadata
import io
import json
import sys

import jsonschema
import ruamel.yaml
import yaml


def load_yaml12(text):
    loader = ruamel.yaml.YAML(typ="safe", pure=True)
    loader.version = (1, 2)
    return loader.load(io.StringIO(text))


def load_yaml11(text):
    return yaml.safe_load(text)


def verdicts(validator, text):
    """(loader name, None if valid else the first reason) for each loader."""
    out = []
    for name, load in (("YAML 1.2 (ruamel.yaml)", load_yaml12), ("YAML 1.1 (PyYAML)", load_yaml11)):
        try:
            doc = load(text)
        except Exception as e:  # noqa: BLE001 - any loader error means "refused"
            out.append((name, f"YAML error: {str(e).splitlines()[0]}"))
            continue
        errors = list(validator.iter_errors(doc))
        if errors:
            e = jsonschema.exceptions.best_match(errors)
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            out.append((name, f"{where}: {e.message[:200]}{more}"))
        else:
            out.append((name, None))
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    mode = None
    bad = 0
    count = 0
    for arg in argv[2:]:
        if arg in ("--valid", "--invalid"):
            mode = arg
            continue
        if mode is None:
            print(f"{arg}: say --valid or --invalid first", file=sys.stderr)
            return 2
        with open(arg, encoding="utf-8") as f:
            text = f.read()
        count += 1
        for name, reason in verdicts(validator, text):
            if mode == "--valid" and reason is not None:
                bad += 1
                print(f"FAIL {arg}: should be valid, but with {name}: {reason}")
            elif mode == "--invalid" and reason is None:
                bad += 1
                print(f"FAIL {arg}: should be refused, but {name} accepts it")
            else:
                print(f"ok   {arg} ({mode[2:]}, {name})")
    version = importlib.metadata.version("jsonschema")
    print(f"{count} files, {bad} disagreements, validator {cls.__name__} (jsonschema {version})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

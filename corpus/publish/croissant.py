"""croissant.json: MLCommons Croissant metadata for the same Parquet files the card lists.

Nested records map to `subField`s: a struct column's members are extracted with a jsonPath transform,
a list column is a `repeated` field. Written with mlcroissant, so its own validator accepts it offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from corpus.publish.arrow import ARROW_SCHEMA

if TYPE_CHECKING:
    from corpus.publish.parquet import WrittenShard

FILESET_ID = "parquet-files"
RECORDSET_ID = "articles"


def _data_type(t: pa.DataType) -> Any:
    import mlcroissant as mlc

    if pa.types.is_integer(t):
        return mlc.DataType.INTEGER
    return mlc.DataType.TEXT


def _source(column: str, path: list[str]) -> Any:
    import mlcroissant as mlc

    transforms = [mlc.Transform(json_path=".".join(path))] if path else []
    return mlc.Source(file_set=FILESET_ID, extract=mlc.Extract(column=column), transforms=transforms)


def _field(prefix: str, name: str, t: pa.DataType, column: str, path: list[str], repeated: bool) -> Any:
    import mlcroissant as mlc

    fid = f"{prefix}/{name}"
    if pa.types.is_list(t):
        return _field(prefix, name, t.value_type, column, path, True)
    if pa.types.is_struct(t):
        subs = [
            _field(fid, t.field(i).name, t.field(i).type, column, [*path, t.field(i).name], False)
            for i in range(t.num_fields)
        ]
        return mlc.Field(
            id=fid, name=name, repeated=repeated or None, sub_fields=subs, source=_source(column, path)
        )
    return mlc.Field(
        id=fid,
        name=name,
        data_types=[_data_type(t)],
        repeated=repeated or None,
        source=_source(column, path),
    )


def croissant(
    name: str,
    description: str,
    license: str,
    url: str | None,
    version: str,
    cite_as: str,
    date_published: str | None = None,
) -> dict[str, Any]:
    """`date_published`: YYYY-MM-DD, or None to leave datePublished out (never the build's clock: a build
    must give the same bytes run to run)."""
    import mlcroissant as mlc

    files = [
        mlc.FileSet(
            id=FILESET_ID,
            name=FILESET_ID,
            description="The Parquet shards of every split (train, validation, test).",
            encoding_formats=["application/x-parquet"],
            includes=["data/*.parquet"],
        )
    ]
    fields = [_field(RECORDSET_ID, f.name, f.type, f.name, [], False) for f in ARROW_SCHEMA]
    fields.append(
        mlc.Field(
            id=f"{RECORDSET_ID}/split",
            name="split",
            description="The split the record belongs to, from its shard's file name.",
            data_types=[mlc.DataType.TEXT],
            source=mlc.Source(
                file_set=FILESET_ID,
                extract=mlc.Extract(file_property=mlc.FileProperty.filename),
                transforms=[mlc.Transform(regex=r"^(.+)-\d{5}-of-\d{5}-[0-9a-f]+\.parquet$")],
            ),
        )
    )
    metadata = mlc.Metadata(
        name=name,
        description=description,
        license=[license],
        url=url or "https://huggingface.co/datasets",
        version=version,
        cite_as=cite_as,
        date_published=datetime.fromisoformat(date_published) if date_published else None,
        distribution=files,
        record_sets=[
            mlc.RecordSet(
                id=RECORDSET_ID,
                name=RECORDSET_ID,
                description="One news article per record, as in the Parquet files.",
                key=[f"{RECORDSET_ID}/id"],
                fields=fields,
            )
        ],
    )
    doc: dict[str, Any] = metadata.to_json()
    return doc


def newest_date(shards: Iterable[WrittenShard]) -> str | None:
    """The newest `published` date among the shards' records, if it is a real date: a dataset of news
    is published no earlier than its newest article, and the records give the same date on every build."""
    newest = max((s.newest for s in shards if s.newest), default=None)
    try:
        return date.fromisoformat(newest).isoformat() if newest else None
    except ValueError:
        return None

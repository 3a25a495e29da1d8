"""inspection-extract: source-grounded records from UK inspection documents."""

from inspection_extract._api import BatchResult, extract, extract_many
from inspection_extract._options import ExtractOptions
from inspection_extract._tables import TABLES, records_to_frames
from inspection_extract._tables import rows as table_rows
from inspection_extract.errors import InspectionExtractError
from inspection_extract.record import Record, json_schema

__all__ = [
    "extract",
    "extract_many",
    "ExtractOptions",
    "BatchResult",
    "Record",
    "InspectionExtractError",
    "json_schema",
    "records_to_frames",
    "table_rows",
    "TABLES",
]

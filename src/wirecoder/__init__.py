"""wirecoder: checked, sourced event data from news reports."""

__version__ = "0.1.0"

from .errors import WirecoderError  # noqa: E402
from .pipeline import Pipeline, PipelineConfig, analyze, load  # noqa: E402
from .records import SCHEMA_VERSION, Analysis  # noqa: E402

__all__ = ["Analysis", "Pipeline", "PipelineConfig", "SCHEMA_VERSION", "WirecoderError",
           "__version__", "analyze", "load"]

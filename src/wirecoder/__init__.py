"""wirecoder: checked, sourced event data from news reports."""

from .about import __version__
from .errors import WirecoderError
from .pipeline import Pipeline, PipelineConfig, analyze, load
from .records import SCHEMA_VERSION, Analysis

__all__ = ["Analysis", "Pipeline", "PipelineConfig", "SCHEMA_VERSION", "WirecoderError",
           "__version__", "analyze", "load"]

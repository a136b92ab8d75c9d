"""The package's metadata builds without deprecation noise (#24: `make demo` printed setuptools'
licence banner three times, for the `project.license = { text = ... }` table)."""

from __future__ import annotations

import tomllib
import warnings

import pytest
from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

from conftest import REPO

PYPROJECT = REPO / "pyproject.toml"


def test_the_licence_is_an_spdx_expression_and_the_build_takes_it():
    data = tomllib.loads(PYPROJECT.read_text("utf-8"))
    licence = data["project"]["license"]
    assert isinstance(licence, str), "a table is deprecated: use an SPDX expression (PEP 639)"
    assert canonicalize_license_expression(licence) == licence
    # setuptools reads an SPDX expression from 77.0.0 on: the build must ask for at least that
    setuptools = next(Requirement(r) for r in data["build-system"]["requires"]
                      if Requirement(r).name == "setuptools")
    assert "76.9" not in setuptools.specifier and "77.0.0" in setuptools.specifier


def test_setuptools_reads_the_metadata_without_a_warning():
    setuptools = pytest.importorskip("setuptools")
    if tuple(int(p) for p in setuptools.__version__.split(".")[:2]) < (77, 0):
        pytest.skip(f"setuptools {setuptools.__version__} here; the build uses >= 77 (pyproject)")
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dist = apply_configuration(Distribution(), PYPROJECT)
    assert dist.metadata.license_expression == "MIT"

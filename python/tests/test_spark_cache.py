"""gazetteer.spark's per-process cache of taggers (the Spark jobs themselves run in
examples/spark/run_local.sh, which needs Java and pyspark)."""

from conftest import MINE

from gazetteer import spark


def test_one_tagger_per_set_of_options(capsys):
    a = spark.tagger_for({"gazetteers": [MINE], "default": False})
    b = spark.tagger_for({"default": False, "gazetteers": [MINE]})
    c = spark.tagger_for({"gazetteers": [MINE], "default": False, "ignore_case": True})
    assert a is b
    assert c is not a
    assert [e.text for e in c.tag("rosa")] == ["rosa"]
    assert capsys.readouterr().err.count("gazetteer.spark: tagger built in process") == 2

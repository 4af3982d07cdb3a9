"""Speaker resolution within one article."""

from __future__ import annotations

from framing.features.speakers import SourceResolver, SpeakerResolver
from framing.outlets import OutletRegistry


def _resolver(text=""):
    return SpeakerResolver(OutletRegistry.default(), text)


def test_pronoun_gender_from_honorifics():
    text = "Mr. Tom Ray and Ms. Ann Lee met. Later she said no."
    r = _resolver(text)
    assert r.resolve("she", text.index("she")).speaker.canonical == "Ann Lee"


def test_pronoun_skips_people_named_inside_reported_content():
    text = "Ann Lee said Tom Ray was wrong. She left."
    reported = [(text.index("Tom"), text.index(" was wrong") + 10)]
    r = SpeakerResolver(OutletRegistry.default(), text, reported)
    r.resolve("Ann Lee", 0)
    assert r.resolve("She", text.index("She")).speaker.canonical == "Ann Lee"


def test_unresolved_pronoun_has_no_speaker():
    found = _resolver().resolve("he", 10)
    assert (found.kind, found.speaker) == ("pronoun", None)


def test_role_epithet_goes_to_the_person_with_that_role():
    text = "Sen. Ann Lee spoke. The senator said no."
    r = _resolver(text)
    r.resolve("Sen. Ann Lee", 0)
    found = r.resolve("The senator", text.index("The senator"))
    assert (found.speaker.canonical, found.kind) == ("Ann Lee", "person")


def test_outlets_and_their_epithets_are_one_speaker():
    r = _resolver()
    first = r.resolve("CNN")
    later = r.resolve("the broadcaster")
    assert first.speaker is later.speaker
    assert later.speaker.mentions == ["CNN", "the broadcaster"]


def test_relative_pronoun_without_antecedent_is_unresolved():
    assert _resolver().resolve("who").speaker is None


def test_source_resolver_keeps_its_triples():
    r = SourceResolver(OutletRegistry.default())
    assert r.resolve("Jack Watling") == ("Jack Watling", "person", None)
    assert r.resolve("he") == ("Jack Watling", "person", None)


def test_role_epithet_goes_to_a_person_titled_in_the_text():
    text = "Rep. Ann Lee spoke on Monday. The congressman said no. He added more."
    r = _resolver(text)
    first = r.resolve("The congressman", text.index("The congressman"))
    second = r.resolve("He", text.index("He added"))
    assert first.speaker.canonical == second.speaker.canonical == "Ann Lee"


def _attributions(text):
    import framing

    return framing.analyze([framing.load_article(text=text)], sentiment=False).attributions


def test_a_role_given_in_an_apposition_resolves_the_role_epithet_later():
    table = _attributions(
        "Maria Ortiz, the city's mayor, opened the bridge on Monday. "
        '"The council backs me," said the mayor, who has led the city since 2019.'
    )
    assert table[["source", "speaker"]].values.tolist() == [["Maria Ortiz", "Maria Ortiz"]]
    assert table["speaker_mentions"].iat[0] == ["the mayor"]


def test_an_apposition_that_is_a_clause_gives_no_role():
    from framing.features.names import appositive_roles

    text = "Tom Lee, who chairs the board, and Ann Ray, a spokeswoman for the mayor, spoke."
    assert appositive_roles(text, len("Tom Lee")) == ()
    assert appositive_roles(text, text.index(", a spokeswoman")) == ("spokeswoman",)


def test_we_inside_what_a_source_says_is_that_source():
    table = _attributions("Maria Ortiz said that we said the bridge was unsafe.")
    inner = table[table["source_as_written"] == "we"]
    assert inner[["source", "speaker"]].values.tolist() == [["Maria Ortiz", "Maria Ortiz"]]
    assert table["speaker_mentions"].iat[0] == ["Maria Ortiz", "we"]


def test_i_outside_any_reported_content_stays_unresolved():
    table = _attributions("I said on Monday that the bridge was unsafe.")
    assert table[["source", "source_kind"]].values.tolist() == [["I", "pronoun"]]
    assert table["speaker"].isna().all()

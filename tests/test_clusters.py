"""What decides an entity's gender, and which entities a pronoun may mean."""
from __future__ import annotations

from collections import Counter

from quotes.coref.clusters import Cluster, pronoun_filter
from quotes.lexicon.names import parse_name
from quotes.records import Entity
from quotes.coref.roles import Role


def person(*names: str, votes: dict | None = None, roles: tuple[str, ...] = ()) -> Cluster:
    c = Cluster(Entity(name=names[0], type="person"), segment=0)
    c.names = [parse_name(n.split()) for n in names]
    c.votes = Counter(votes or {})
    c.role_list = [Role(text=r, head=r.split()[-1].lower()) for r in roles]
    return c


def test_gender_sources_in_order():
    assert person("Mrs. Clinton", votes={"male": 5}).gender() == "female"        # honorific first
    assert person("Rand Paul", votes={"male": 2}).gender() == "male"             # two pronouns beat the list
    assert person("Rand Paul").gender() == "female"                              # the list alone (wrong, but sure)
    assert person("Bernie Sanders", votes={"male": 1}).gender() == "male"        # one pronoun beats an unsure list
    assert person("Hillary Clinton", votes={"male": 1}).gender() == "female"     # a sure list beats one pronoun
    assert person("Elizabeth Warren", votes={"male": 3, "female": 1}).gender() == "female"  # and miscounted ones
    assert person("Darmanin").gender() is None
    assert person("Darmanin", roles=("spokeswoman",)).gender() == "female"


def test_pronoun_filters():
    he, she, they, it = (pronoun_filter(p) for p in ("he", "she", "they", "it"))
    man, unknown = person("Gérald Darmanin"), person("Darmanin")
    org = Cluster(Entity(name="Reuters", type="organisation"), segment=0)
    group = Cluster(Entity(name="the ministers", type="group"), segment=0, plural=True)
    assert he(man) == 1.0 and she(man) == 0.0 and 0 < he(unknown) < 1
    assert it(org) == 1.0 and it(man) == 0.0
    assert they(group) > they(org) > they(man) == 0.0
    assert pronoun_filter("I") is None and pronoun_filter("we") is None

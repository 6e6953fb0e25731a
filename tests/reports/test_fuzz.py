"""Arbitrary Unicode and markup never crash the renderer, and plain text always comes through."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import PromptUse
from tests.reports.conftest import context, flat, pdf_text

MARKUP_BITS = [
    "<b>",
    "</b>",
    "&",
    "&amp;",
    "<font name=x>",
    "<a href='x'>",
    "<img src=/etc/passwd/>",
    "<br/>",
    "<",
    ">",
    '"',
    "\n",
    "\n\n",
    " ",
    "\u202e",
    "\u200d",
    "\x00",
]
anything = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(MARKUP_BITS)), max_size=8).map(
    "".join
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=anything,
    circle=anything,
    shareable=anything,
    agreement=anything,
    title=anything,
    prompt=anything,
)
def test_any_text_renders_and_the_sentinel_survives(
    name, circle, shareable, agreement, title, prompt
) -> None:
    plan = RoundPlan(RoundKind.SHARING, TimePolicy.fixed(60), prompt=prompt, title=title)
    summary = demo_summary(
        people=2, rounds=1, names=(name or "x", "Bea"), circle=circle, plans=[plan]
    )
    ctx = context(
        privacy=Privacy.NAMES,
        organization=name,
        agreements=(agreement,),
        shareable=f"SENTINEL {shareable} ENDMARK",
        prompts_used=(PromptUse(1, 0, prompt + agreement),),
    )
    text = flat(pdf_text(render_session(summary, ctx)))
    assert "SENTINEL" in text and "ENDMARK" in text
    assert "Bea" in text


@settings(max_examples=30, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="ascii", exclude_categories=("Cc",)), min_size=1, max_size=60
    )
)
def test_printable_ascii_comes_through_exactly(value) -> None:
    summary = demo_summary(people=2, rounds=1, names=("Ann", "Bea"))
    text = pdf_text(render_session(summary, context(shareable=value)))
    assert flat(value) in flat(text)

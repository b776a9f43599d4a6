"""Demo data: a small, fictional life-sciences workforce ecosystem, built through the services.

``skillstack demo`` calls :func:`skillstack.demo.builder.demo_load`. Each section is a small
function keyed by natural keys (e-mail, slug), so loading twice changes nothing and later
issues can add a section (credentials, assessments, openings) without touching the others.
"""

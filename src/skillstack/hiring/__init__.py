"""Applications and their stages, placements, retention check-ins and career navigators'
caseloads.
"""

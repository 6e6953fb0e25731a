"""The live circle on screen: the controller that owns one running session, the facilitator's
view, the presenter window for the projector, and the small widgets only they use.
"""

"""The live circle's policies without Qt: what *move on* does, the questions the live screens
ask, the watchers fed each repaint, and where the log goes when the store fails.

``ui/live/controller.py`` adapts them to Qt signals and a repaint timer; here they are tested
on a fake clock.
"""

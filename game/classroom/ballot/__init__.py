"""Class mode's secret ballot: pupils vote on their own devices, on the school's network.

room.py is the ballot without a network (the room code, one vote per device token per decision,
changes until the lock, counts only), limiter.py the per-device request limit; both are pure and
tested without a server. The web server that puts a room on the network is ../ballot_server.py.
"""

"""Engines that run the per-article pipeline over many inputs: in this process, or on a Dask cluster.

Both cut the inputs into partitions (partition.py), run the same function on each (work.py), store each
partition's results in one transaction with a record that it is done, and fuse at the end (run.py). A run
that is stopped part-way resumes: the next run on the same inputs skips the partitions already stored.
"""

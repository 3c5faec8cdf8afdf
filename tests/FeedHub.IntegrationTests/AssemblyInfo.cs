// These tests start server processes and stop the shared broker; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

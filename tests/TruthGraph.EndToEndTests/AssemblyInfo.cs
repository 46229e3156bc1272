// Each test starts a whole AppHost (four processes and a PostgreSQL server); on a 2-core machine running them
// side by side only makes every one of them slower and flakier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

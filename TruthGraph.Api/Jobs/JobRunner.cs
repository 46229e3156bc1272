namespace TruthGraph.Api.Jobs;

/// <summary>
/// This API process as a runner of jobs: a random id stored with every job it claims, and the advisory-lock key space
/// under which it holds that id while it lives (see <see cref="ReplicaLink"/>). SQL that must tell live runners from
/// dead ones calls <c>pg_try_advisory_xact_lock(LockSpace, runner)</c>: it succeeds only for a runner whose lock is free.
/// </summary>
public sealed class JobRunner
{
    /// <summary>
    /// 0x54475250, "TGRP", the first key of the two-key advisory locks: keeps these apart from the migrator's single-key
    /// lock. Text, so that SQL can be built from it at compile time.
    /// </summary>
    public const string LockSpace = "1413960272";

    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id { get; } = Random.Shared.Next(1, int.MaxValue);

    /// <summary>
    /// Completes once this process holds its runner lock. Workers claim nothing before: another replica would take a job
    /// claimed under a lock nobody holds for a dead replica's.
    /// </summary>
    public Task Registered => _registered.Task;

    public void MarkRegistered() => _registered.TrySetResult();

    /// <summary>
    /// A condition on a job table's <c>runner</c> column: true when the job's runner no longer holds its lock. A job with no
    /// runner (stored before runners were recorded, or run by the command-line perf tool) counts only where the caller says.
    /// </summary>
    public const string RunnerIsGone = $"(runner IS NOT NULL AND pg_try_advisory_xact_lock({LockSpace}, runner))";
}

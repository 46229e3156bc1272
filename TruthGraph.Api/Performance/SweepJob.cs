using System.Globalization;

namespace TruthGraph.Api.Performance;

/// <summary>
/// A batch-size sweep of one model: the workload comes from the corpus, the measuring is done by the inference service
/// (<c>POST /v1/sweeps</c>) and streamed back step by step; with <c>apply</c> the recommendation is applied at the end.
/// </summary>
public sealed class SweepJob(InferencePerfClient inference, WorkloadSource workload, PerfJobRepository? jobs = null) : IPerfJob
{
    public const int DefaultTexts = 256;

    public PerfJobKind Kind => PerfJobKind.Sweep;

    public async Task<PerfJobOutcome> RunAsync(PerfJobContext context, CancellationToken cancellationToken)
    {
        var request = context.RequestAs<SweepJobRequest>();
        var model = request.Model!;
        context.Report("workload", 0, 1, "reading the workload texts");
        var texts = await workload.EvidenceTextsAsync(request.Texts ?? DefaultTexts, cancellationToken);
        var hypotheses = WorkloadSource.Claims(Math.Min(64, texts.Count));
        var total = request.BatchSizes?.Count ?? 8;
        var report = await inference.SweepAsync(new InferenceSweepRequest(
            model, texts, hypotheses, request.BatchSizes, request.MinBatchSize, request.MaxBatchSize,
            Bytes(request.MemoryLimitMiB), Bytes(request.MemoryHeadroomMiB), request.SecondsPerStep), progress =>
        {
            total = Math.Max(total, progress.Total);
            context.Report(progress.Phase, progress.Completed, progress.Total, progress.Message, progress.Step);
        }, cancellationToken);

        var summary = Summarize(report);
        if (request.Apply == true && report.Recommendation is { } pick)
        {
            await inference.ApplyBatchSizeAsync(report.Model, report.Device, pick.BatchSize, $"sweep {context.Id}", cancellationToken);
            if (jobs is not null)
            {
                await jobs.SetAppliedAsync(context.Id, pick.BatchSize, cancellationToken);
            }
            summary += "; applied";
        }
        context.Report("done", total, total, summary);
        return new PerfJobOutcome(report, summary);
    }

    public static string Summarize(SweepReport report) => report.Recommendation is { } pick
        ? pick.BatchSize == report.BatchSizeBefore && report.Steps.Count > 1
            ? string.Create(CultureInfo.InvariantCulture,
                $"{report.Model} on {report.Device}: keep batch {pick.BatchSize} ({pick.ItemsPerSecond:F1} {report.Unit}/s; no size faster beyond the run-to-run spread)")
            : string.Create(CultureInfo.InvariantCulture,
                $"{report.Model} on {report.Device}: batch {pick.BatchSize} recommended ({pick.ItemsPerSecond:F1} {report.Unit}/s{(pick.SpeedupOverCurrent is { } x ? $", {x:F2}× batch {report.BatchSizeBefore}" : "")})")
        : $"{report.Model} on {report.Device}: no batch size could be measured ({report.StopReason})";

    private static long? Bytes(double? mib) => mib is { } value ? (long)(value * 1048576) : null;
}

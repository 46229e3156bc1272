using Spectre.Console;

namespace TruthGraph.Api.Performance;

/// <summary>The perf command's progress bar: one bar fed by the job's progress events; plain lines when the output is not a terminal.</summary>
public static class PerfProgressView
{
    public static async Task<PerfJobOutcome> RunAsync(IAnsiConsole console, PerfJobKind kind, Func<Action<PerfEvent>, Task<PerfJobOutcome>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            string? lastPhase = null;
            return await run(e =>
            {
                // One line per phase keeps a log readable; the sweep's steps each get theirs.
                if (e.Phase != lastPhase || e.Data is not null)
                {
                    lastPhase = e.Phase;
                    console.WriteLine($"[{e.Percent,5:F1}%] {e.Message}");
                }
            });
        }
        PerfJobOutcome? outcome = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(kind.Name(), maxValue: 100);
                outcome = await run(e =>
                {
                    task.Description = Markup.Escape(e.Message.Length > 70 ? e.Message[..70] + "…" : e.Message);
                    task.Value = e.Percent;
                });
                task.Value = 100;
            });
        return outcome!;
    }
}

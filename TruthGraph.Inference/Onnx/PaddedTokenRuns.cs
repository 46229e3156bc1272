using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Onnx;

/// <summary>
/// Runs a batch of tokenized inputs through a BERT-layout model (input_ids, attention_mask, optionally token_type_ids):
/// sorted by token count and cut into runs padded only to their own longest input (padding to a fixed length costs
/// 4–5× here), the runs going to the session pool side by side. Shared by every encoder-shaped model (sentence
/// embeddings, cross-encoders) so that run planning and padding live in one place.
/// </summary>
public static class PaddedTokenRuns
{
    /// <summary>Reads one run's output. <paramref name="rows"/> holds the batch indexes of the run's rows, in order.</summary>
    public delegate void RunReader(ReadOnlySpan<float> output, ReadOnlySpan<int> rows, int width);

    /// <summary>What a batch cost: ONNX runs and tokens including padding.</summary>
    public readonly record struct BatchCost(int Runs, long PaddedTokens);

    public static BatchCost Execute(TokenizedInput[] inputs, SessionPool sessions, int batchSize, int padId, RunOptions runOptions,
        string outputName, RunReader read)
    {
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        var runs = Plan(order.Length, batchSize, sessions.Count);
        var hasTypeIds = sessions.InputNames.Contains("token_type_ids");
        long padded = 0;
        if (runs.Count == 1)
        {
            padded = RunChunk(inputs, order, runs[0], sessions, padId, runOptions, hasTypeIds, outputName, read);
        }
        else
        {
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = sessions.Count },
                run => Interlocked.Add(ref padded, RunChunk(inputs, order, run, sessions, padId, runOptions, hasTypeIds, outputName, read)));
        }
        return new BatchCost(runs.Count, padded);
    }

    /// <summary>
    /// Contiguous slices of the length-sorted order: at most <paramref name="batchSize"/> each, and at least one per
    /// session when the batch is big enough, so a micro-batch keeps every session busy.
    /// </summary>
    public static List<Range> Plan(int count, int batchSize, int sessions)
    {
        var parts = Math.Max((count + batchSize - 1) / batchSize, Math.Min(sessions, count));
        var runs = new List<Range>(parts);
        for (var p = 0; p < parts; p++)
        {
            int start = (int)((long)count * p / parts), end = (int)((long)count * (p + 1) / parts);
            if (end > start)
            {
                runs.Add(start..end);
            }
        }
        return runs;
    }

    private static long RunChunk(TokenizedInput[] inputs, int[] order, Range run, SessionPool sessions, int padId, RunOptions runOptions,
        bool hasTypeIds, string outputName, RunReader read)
    {
        var (offset, rows) = run.GetOffsetAndLength(order.Length);
        var members = order.AsSpan(offset, rows).ToArray();
        var width = 0;
        foreach (var index in members)
        {
            width = Math.Max(width, inputs[index].Length);
        }
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        if (padId != 0)
        {
            Array.Fill(ids, padId);
        }
        for (var r = 0; r < rows; r++)
        {
            var input = inputs[members[r]];
            for (var t = 0; t < input.Length; t++)
            {
                ids[r * width + t] = input.Ids[t];
                mask[r * width + t] = 1;
                types[r * width + t] = input.TypeIds[t];
            }
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var names = hasTypeIds ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
        var values = hasTypeIds ? new[] { idsValue, maskValue, typesValue } : [idsValue, maskValue];

        sessions.Run(session =>
        {
            using var outputs = session.Run(runOptions, names, values, [outputName]);
            read(outputs[0].GetTensorDataAsSpan<float>(), members, width);
            return 0;
        });
        return (long)rows * width;
    }
}

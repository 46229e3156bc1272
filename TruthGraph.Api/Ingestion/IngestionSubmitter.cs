namespace TruthGraph.Api.Ingestion;

/// <summary>Parses an upload up front (so that the caller learns at once about bad lines) and queues it as a job.</summary>
public sealed class IngestionSubmitter(IngestionJobRepository jobs, IngestionSignal signal)
{
    public async Task<Submission> SubmitAsync(IngestionFormat format, byte[] payload, string source, string modelId, string? title,
        CancellationToken cancellationToken)
    {
        var parsed = IngestionFormats.Parse(format, payload, new ParseOptions(source, title));
        if (parsed.Sentences.Count == 0)
        {
            return new Submission(null, parsed);
        }
        var id = await jobs.CreateAsync(format, source, modelId, title, payload, parsed.Sentences.Count, parsed.Errors, cancellationToken);
        signal.Notify();
        return new Submission(id, parsed);
    }
}

/// <summary><see cref="JobId"/> is null when nothing in the upload could be ingested: no job was created.</summary>
public sealed record Submission(Guid? JobId, ParseResult Parsed);

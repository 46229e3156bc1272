using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace TruthGraph.Api.Verification;

/// <summary>Body of <c>POST /api/verifications/{id}/feedback</c>: the verdict the user says is right, and why.</summary>
public sealed record VerdictFeedbackRequest(string? ExpectedVerdict, string? Comment = null);

/// <summary>A stored "this verdict is wrong" label.</summary>
public sealed record VerdictFeedback(Guid Id, Guid VerificationId, Verdict ExpectedVerdict, string? Comment, DateTimeOffset CreatedAt);

/// <summary>One labelled example: the claim, what the model said and on which evidence, and what the user says instead.</summary>
public sealed record LabelledVerification(
    Guid VerificationId, string Claim, Verdict ModelVerdict, Verdict UserVerdict, string? Comment, string NliModel,
    IReadOnlyList<ScoredEvidence> Evidence, DateTimeOffset LabelledAt);

/// <summary>Stores users' verdict labels and reads them back as labelled data.</summary>
public sealed class VerificationFeedbackRepository(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Null when no verification has that id (the foreign key says so; nothing is written).</summary>
    public async Task<VerdictFeedback?> AddAsync(Guid verificationId, Verdict expected, string? comment, CancellationToken cancellationToken)
    {
        var feedback = new VerdictFeedback(Guid.CreateVersion7(), verificationId, expected, comment, time.GetUtcNow());
        await using var command = dataSource.CreateCommand("""
            INSERT INTO verification_feedback (id, verification_id, expected_verdict, comment, created_at)
            VALUES (@id, @verification_id, @expected_verdict, @comment, @created_at)
            """);
        command.Parameters.AddWithValue("id", feedback.Id);
        command.Parameters.AddWithValue("verification_id", verificationId);
        command.Parameters.AddWithValue("expected_verdict", VerdictNames.ToText(expected));
        command.Parameters.AddWithValue("comment", NpgsqlDbType.Text, comment is null ? DBNull.Value : comment);
        command.Parameters.AddWithValue("created_at", feedback.CreatedAt);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return feedback;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return null;
        }
    }

    /// <summary>Every label, oldest first, with the verification it corrects: the export a training or evaluation set starts from.</summary>
    public async IAsyncEnumerable<LabelledVerification> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.result::text, f.expected_verdict, f.comment, f.created_at
            FROM verification_feedback f JOIN verifications v ON v.id = f.verification_id
            ORDER BY f.created_at, f.id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var result = JsonSerializer.Deserialize<VerificationResult>(reader.GetString(0), JsonOptions)!;
            VerdictNames.TryParse(reader.GetString(1), out var userVerdict);
            yield return new LabelledVerification(result.Id, result.Claim, result.Verdict, userVerdict,
                reader.IsDBNull(2) ? null : reader.GetString(2), result.Models.Nli, result.Evidence, reader.GetFieldValue<DateTimeOffset>(3));
        }
    }
}

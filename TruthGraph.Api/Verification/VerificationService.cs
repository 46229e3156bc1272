namespace TruthGraph.Api.Verification;

/// <summary>
/// The verification pipeline: embed the claims → retrieve the nearest evidence → NLI on every (evidence, claim)
/// pair → aggregate into a verdict → store. Claims of a batch share one embedding call and one NLI call.
/// Every stage is timed and traced under its own activity source.
/// </summary>
public sealed class VerificationService(
    HttpEmbeddingClient embeddings,
    PgvectorEvidenceStore evidence,
    CorpusNames corpusNames,
    HttpNliClient nli,
    VerificationRepository repository,
    VerificationResultCache cache,
    IOptions<VerificationOptions> options,
    TimeProvider time,
    DefaultNliModel? chosenDefault = null)
{
    private const int MaxClaimTagLength = 200;

    private readonly VerificationOptions _options = options.Value;

    /// <param name="useResultCache">False for measurements (e2e performance runs): every claim goes through every stage.</param>
    /// <param name="nliModel">
    /// The NLI model (validated by the caller); null uses the default an admin chose, else <see cref="VerificationOptions.NliModel"/>
    /// (the evaluation and performance tools construct the service without <see cref="DefaultNliModel"/>: they measure the configured model).
    /// </param>
    public async Task<IReadOnlyList<VerificationResult>> VerifyAsync(
        IReadOnlyList<string> claims, int? topK, double? minSimilarity, CancellationToken cancellationToken, bool useResultCache = true,
        string? nliModel = null)
    {
        using var activity = VerificationTelemetry.Verify.StartActivity("verify");
        activity?.SetTag("truthgraph.claims", claims.Count);
        if (claims.Count == 1)
        {
            // Names the trace in trace lists (the dashboard's, Aspire's): which claim this was.
            activity?.SetTag("truthgraph.claim", claims[0].Length <= MaxClaimTagLength ? claims[0] : claims[0][..MaxClaimTagLength] + "…");
        }
        var traceId = Activity.Current?.TraceId.ToHexString();
        var started = Stopwatch.GetTimestamp();
        var k = topK ?? _options.DefaultTopK;
        var models = new ModelIds(_options.EmbeddingModel,
            nliModel ?? (chosenDefault is null ? _options.NliModel : await chosenDefault.GetAsync(cancellationToken)));
        var served = await nli.GetModelAsync(models.Nli, cancellationToken);
        // Evidence below the NLI model's relevance floor counts neither way, so it is not retrieved for an NLI pass at all
        // (a cross-encoder pays one encoder pass per pair). A caller's explicit minSimilarity is taken as given.
        var threshold = minSimilarity ?? Math.Max(_options.DefaultMinSimilarity, served.VerdictThresholds?.MinSimilarity ?? 0);

        var timer = new StageTimer();
        var corpusVersion = await timer.TimeAsync(Stage.Db, VerificationTelemetry.Database, "corpus version",
            () => evidence.GetCorpusVersionAsync(cancellationToken));

        // Results already computed for this claim, corpus and models (as they are served now) are answered from the cache.
        var results = new VerificationResult?[claims.Count];
        var keys = claims.Select(c => VerificationResultCache.KeyFor(c, k, threshold, corpusVersion, models, served.Revision)).ToArray();
        var pending = new List<int>();
        for (var i = 0; i < claims.Count; i++)
        {
            if (useResultCache && cache.TryGet(keys[i], out var cached))
            {
                results[i] = cached with { Cached = true, TraceId = traceId };
            }
            else
            {
                pending.Add(i);
            }
        }
        activity?.SetTag("truthgraph.cache_hits", claims.Count - pending.Count);
        if (pending.Count == 0)
        {
            TagOutcome(activity, results!);
            return results!;
        }

        var pendingClaims = pending.Select(i => claims[i]).ToList();
        // A claim that gives a name by its initials is embedded with the name the corpus writes ("IPCC" as "Intergovernmental
        // Panel on Climate Change"); the corpus's names are read only when some claim has initials.
        var corpusName = pendingClaims.Any(c => Initialism.In(c).Count > 0)
            ? await timer.TimeAsync(Stage.Db, VerificationTelemetry.Database, "corpus names",
                () => corpusNames.ForVersionAsync(corpusVersion, cancellationToken))
            : null;
        Func<string, string?>? nameFor = corpusName is null ? null : letters => corpusName.GetValueOrDefault(letters);
        var embeddedClaims = pendingClaims.Select(c => nameFor is null ? c : Initialism.Expand(c, nameFor)).ToList();
        var claimVectors = await timer.TimeAsync(Stage.Embed, VerificationTelemetry.Embed, "embed claims",
            () => embeddings.EmbedAsync(embeddedClaims, models.Embedding, cancellationToken));

        var matches = await timer.TimeAsync(Stage.Retrieve, VerificationTelemetry.Retrieve, "retrieve evidence", async () =>
        {
            var found = new IReadOnlyList<EvidenceHit>[pendingClaims.Count];
            for (var i = 0; i < found.Length; i++)
            {
                found[i] = await evidence.SearchAsync(claimVectors[i], k, threshold, cancellationToken);
            }
            return found;
        });

        // What the model reads of each pair (ModelInput): a name the claim gives by its initials as the sentence writes it
        // ("WTO" as "World Trade Organization"), which the wording checks read too, and the sentence without a correction
        // the claim says nothing of.
        var modelInputs = pendingClaims.Select((c, i) => matches[i].Select(m => ModelInput.For(m.Text, c, nameFor)).ToList()).ToList();
        var pairs = new List<NliPair>();
        for (var i = 0; i < pendingClaims.Count; i++)
        {
            pairs.AddRange(modelInputs[i].Select((input, j) => new NliPair(input.Premise, input.Hypothesis, matches[i][j].Embedding, claimVectors[i])));
        }
        var classified = pairs.Count == 0
            ? null
            : await timer.TimeAsync(Stage.Nli, VerificationTelemetry.Nli, "classify pairs",
                () => nli.ClassifyAsync(pairs, models.Nli, cancellationToken));
        var scores = classified?.Data ?? [];
        // Thresholds belong to the NLI model that scored the pairs; with no evidence at all they do not matter.
        var thresholds = classified?.VerdictThresholds ?? new VerdictThresholds(0.5, 0.5, threshold);

        var fresh = timer.Time(Stage.Aggregate, VerificationTelemetry.Aggregate, "aggregate", () =>
        {
            var built = new List<VerificationResult>(pendingClaims.Count);
            var offset = 0;
            for (var i = 0; i < pendingClaims.Count; i++)
            {
                var claimScores = scores.Skip(offset).Take(matches[i].Count).ToList();
                offset += matches[i].Count;
                built.Add(BuildResult(pendingClaims[i], modelInputs[i], matches[i], claimScores, thresholds, classified?.Calibration, models, corpusVersion)
                    with { TraceId = traceId });
            }
            return built;
        });

        await timer.TimeAsync(Stage.Db, VerificationTelemetry.Database, "store verifications", async () =>
        {
            await repository.SaveAsync(fresh, cancellationToken);
            return true;
        });

        // Stage times are shared by the claims of a batch; each result reports the batch's split. They are complete only
        // now that the store above is timed, so they go to the stored rows in a second write (outside the figures).
        var totalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var timings = timer.ToTimings(totalMs);
        using (VerificationTelemetry.Database.StartActivity("store stage timings"))
        {
            // Its own span: outside the stage figures, but a trace should still show where the time went.
            await repository.SaveTimingsAsync(fresh.Select(r => r.Id).ToList(), timings, cancellationToken);
        }
        for (var j = 0; j < pending.Count; j++)
        {
            var result = fresh[j] with { Timings = timings };
            results[pending[j]] = result;
            if (useResultCache)
            {
                cache.Set(keys[pending[j]], result);
            }
            VerificationTelemetry.Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", result.Verdict.ToString()));
        }
        VerificationTelemetry.VerifyDuration.Record(totalMs);
        TagOutcome(activity, results!);
        return results!;
    }

    /// <summary>For a single claim the verdict and the stored verification's id go on the span: a trace links back to its result.</summary>
    private static void TagOutcome(Activity? activity, IReadOnlyList<VerificationResult> results)
    {
        if (activity is null || results.Count != 1)
        {
            return;
        }
        activity.SetTag("truthgraph.verdict", VerdictNames.ToText(results[0].Verdict));
        activity.SetTag("truthgraph.verification_id", results[0].Id.ToString());
    }

    /// <summary>
    /// The verdict is decided on the offset-adjusted probabilities the thresholds were tuned on; users are shown the
    /// calibrated ones, and the confidence is read from those (<see cref="VerdictAggregator"/>).
    /// </summary>
    /// <param name="modelInputs">What the model read of each evidence and of the claim against it (<see cref="ModelInput"/>).</param>
    private VerificationResult BuildResult(string claim, IReadOnlyList<(string Premise, string Hypothesis)> modelInputs,
        IReadOnlyList<EvidenceHit> matches, IReadOnlyList<NliScore> scores, VerdictThresholds thresholds, NliCalibration? calibration,
        ModelIds models, long corpusVersion)
    {
        // The wording checks run before the verdict, so that the verdict, the roles and the reason all read the same scores.
        var claimWords = _options.WordingChecks ? ClaimWording.Of(ClaimCasing.Restore(claim, matches.Select(m => m.Text))) : null;
        // Each sentence is compared with the claim as the model read it against that sentence (its initials spelt out).
        // Read once per distinct wording: a name from the corpus spells the claim out the same way against many sentences.
        var readings = new Dictionary<string, ClaimWording>(StringComparer.Ordinal);
        var claimWordsFor = modelInputs.Select(read => claimWords is null || read.Hypothesis == claim ? claimWords
            : readings.TryGetValue(read.Hypothesis, out var known) ? known
            : readings[read.Hypothesis] = ClaimWording.Of(ClaimCasing.Restore(read.Hypothesis, matches.Select(e => e.Text)))).ToList();
        var sentences = claimWords is null ? null : matches.Select(m => SentenceWording.Of(m.Text)).ToList();
        var wording = matches.Select((m, i) => claimWordsFor[i] is { } words && m.Similarity >= thresholds.MinSimilarity
            ? WordingCheck.Compare(words, sentences![i]) : WordingMatch.None).ToList();
        // The claim as typed, as the threshold search reads it back from a stored answer (ScoredEvidence.DecidingScoresFor).
        var claimTokens = TruthGraph.Wording.Words.Tokenize(claim);
        var overruled = scores.Select((s, i) => WordingOverrule.Overrules(wording[i], s)).ToList();
        var modelScores = scores;
        scores = scores.Select((s, i) => overruled[i] ? WordingOverrule.Applied(wording[i], s) : s).ToList();
        var quantities = matches.Select((m, i) => claimWords is null ? null : Quantity.Answers(claimTokens, claim, sentences![i].Tokens, m.Text)).ToList();
        var deciding = matches.Select((m, i) => new PairScores(scores[i].Entailment, scores[i].Neutral, scores[i].Contradiction, m.Similarity,
                SourceAttribution.Cites(m.Text), claimWordsFor[i] is { } words ? ClaimCoverage.Of(words.Words, sentences![i].Words) : null,
                claimWords is not null && Prediction.SilentOnFuture(claim, m.Text),
                claimWords is not null && quantities[i] == false, claimWords is not null && quantities[i] == true,
                claimWordsFor[i] is { } agreeing && WordAgreement.Of(agreeing, sentences![i], wording[i]),
                claimWords is not null && NarrowerSuperlative.Narrows(claimTokens, sentences![i].Tokens)))
            .ToList();
        var shown = calibration is null ? deciding : deciding.Select(calibration.Apply).ToList();
        var decision = VerdictAggregator.Decide(deciding, thresholds, shown);
        var decidingIndices = decision.DecidingEvidence.ToHashSet();
        var scored = matches.Select((m, i) => new ScoredEvidence(
                m.Id, m.Source, m.ExternalId, m.Text, Math.Round(m.Similarity, 4), shown[i].Entailment, shown[i].Neutral, shown[i].Contradiction,
                PairLabelOf(scores[i]),
                calibration is null ? null : new PairProbabilities(scores[i].Entailment, scores[i].Neutral, scores[i].Contradiction),
                VerdictExplainer.RoleOf(i, deciding[i], decision, thresholds), decidingIndices.Contains(i),
                overruled[i] ? wording[i] : null, deciding[i].ClaimCoverage is { } coverage ? Math.Round(coverage, 4) : null))
            .ToList();
        var explanation = new VerdictExplanation(
            // The reason quotes the probabilities the answer shows.
            VerdictExplainer.Reason(decision, shown, thresholds, deciding) + WordingOverrule.Note(decision, overruled, wording, modelScores)
                + (decision.DecidingEvidence.Count > 0 && decision.DecidingEvidence[0] is var first
                    ? ModelInput.Note(claim, matches[first].Text, modelInputs[first].Premise, modelInputs[first].Hypothesis) : ""),
            decision.DecidingEvidence.Select(i => scored[i].Id).ToList(),
            thresholds.MinSimilarity);
        return new VerificationResult(Guid.CreateVersion7(), claim, decision.Verdict, Math.Round(decision.Confidence, 4), scored,
            Timings: null, models, corpusVersion, Cached: false, time.GetUtcNow(), Explanation: explanation, Calibration: calibration);
    }

    private static PairLabel PairLabelOf(NliScore score) => score.Label switch
    {
        "entailment" => PairLabel.Entailment,
        "contradiction" => PairLabel.Contradiction,
        _ => PairLabel.Neutral,
    };
}

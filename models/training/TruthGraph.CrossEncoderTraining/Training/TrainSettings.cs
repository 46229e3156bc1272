using System.ComponentModel;
using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Data;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>Command-line options of <c>train</c>; the defaults are the configuration the shipped adapter was trained with.</summary>
public sealed class TrainSettings : CommandSettings
{
    [CommandOption("--data <DIR>"), Description("Shared data folder (climate-fever/, nli/)."), DefaultValue("../shared/data")]
    public string DataDirectory { get; init; } = "../shared/data";

    [CommandOption("--out <DIR>"), Description("Run folder: checkpoints, learning curve, summary."), DefaultValue("models/training/runs/cross-encoder")]
    public string OutputDirectory { get; init; } = "models/training/runs/cross-encoder";

    [CommandOption("--base <NAME>"), Description("Encoder to start from: minilm (all-MiniLM-L6-v2) or arctic-xs (snowflake-arctic-embed-xs); only minilm can be published."), DefaultValue("minilm")]
    public string Base { get; init; } = "minilm";

    [CommandOption("--epochs <N>"), DefaultValue(2)]
    public int Epochs { get; init; } = 2;

    [CommandOption("--max-steps <N>"), Description("Stop after this many optimiser steps (0 = no limit); for smoke runs and tests."), DefaultValue(0)]
    public int MaxSteps { get; init; }

    [CommandOption("--max-minutes <N>"), Description("Stop (evaluate and save) once training has run this long."), DefaultValue(85.0)]
    public double MaxMinutes { get; init; } = 85;

    [CommandOption("--batch <N>"), DefaultValue(16)]
    public int BatchSize { get; init; } = 16;

    [CommandOption("--lr <RATE>"), Description("Peak learning rate (linear warm-up, then linear decay to 0)."), DefaultValue(5e-4)]
    public double LearningRate { get; init; } = 5e-4;

    [CommandOption("--warmup <SHARE>"), DefaultValue(0.06)]
    public double WarmupShare { get; init; } = 0.06;

    [CommandOption("--weight-decay <W>"), DefaultValue(0.01)]
    public double WeightDecay { get; init; } = 0.01;

    [CommandOption("--rank <R>"), Description("LoRA rank on all 36 linear layers."), DefaultValue(16)]
    public int LoraRank { get; init; } = 16;

    [CommandOption("--full-layers <N>"), Description("Train the linear weights of the top N encoder layers in full instead of through adapters (the artefact grows by about 7 MB a layer)."), DefaultValue(0)]
    public int FullLayers { get; init; }

    [CommandOption("--full-lr <RATE>"), Description("Peak learning rate of the fully trained weights (same schedule as --lr)."), DefaultValue(5e-5)]
    public double FullLearningRate { get; init; } = 5e-5;

    [CommandOption("--alpha <A>"), DefaultValue(32.0)]
    public double LoraAlpha { get; init; } = 32;

    [CommandOption("--lora-dropout <P>"), DefaultValue(0.05)]
    public double LoraDropout { get; init; } = 0.05;

    [CommandOption("--dropout <P>"), Description("Hidden and attention dropout, as BERT."), DefaultValue(0.1)]
    public double Dropout { get; init; } = 0.1;

    [CommandOption("--max-tokens <N>"), DefaultValue(128)]
    public int MaxTokens { get; init; } = 128;

    [CommandOption("--tune-share <SHARE>"), Description("Share of CLIMATE-FEVER train claims held out to pick the checkpoint, offsets and thresholds."), DefaultValue(0.15)]
    public double TuneShare { get; init; } = 0.15;

    [CommandOption("--snli <N>"), Description("SNLI dev-subset pairs to train on (-1 = all)."), DefaultValue(-1)]
    public int SnliLimit { get; init; } = -1;

    [CommandOption("--rte <N>"), Description("RTE pairs to train on (-1 = all)."), DefaultValue(1200)]
    public int RteLimit { get; init; } = 1200;

    [CommandOption("--fever <N>"), Description("FEVER pairs (nli/fever_pairs.jsonl) to train on (-1 = all, 0 = none)."), DefaultValue(8000)]
    public int FeverLimit { get; init; } = 8000;

    [CommandOption("--fever-neutrals <N>"), Description("Neutral pairs made from FEVER: a claim with the evidence of its nearest other claim."), DefaultValue(3000)]
    public int FeverNeutrals { get; init; } = 3000;

    [CommandOption("--fragments <N>"), Description("Pairs per semantic-fragment training file (nli/fragments/*_train.jsonl; -1 = all)."), DefaultValue(200)]
    public int FragmentsPerFile { get; init; } = 200;

    [CommandOption("--climate-weight <W>"), Description("Loss weight of CLIMATE-FEVER pairs (in-domain) relative to FEVER and SNLI."), DefaultValue(2.0)]
    public double ClimateWeight { get; init; } = 2;

    [CommandOption("--rte-weight <W>"), DefaultValue(0.5)]
    public double RteWeight { get; init; } = 0.5;

    [CommandOption("--fragment-weight <W>"), Description("Loss weight of the templated fragment probes (low, so their templates are not learned)."), DefaultValue(0.3)]
    public double FragmentWeight { get; init; } = 0.3;

    [CommandOption("--eval-every <N>"), Description("Also evaluate every N steps within an epoch (0 = only at epoch ends)."), DefaultValue(0)]
    public int EvalEvery { get; init; }

    [CommandOption("--seed <N>"), DefaultValue(13)]
    public int Seed { get; init; } = 13;

    [CommandOption("--sample-seed <N>"), Description("Seed for sampling and mutations after the held-out split (default: --seed), so a later stage sees new samples but the same held-out claims.")]
    public int? SampleSeed { get; init; }

    [CommandOption("--threads <N>"), Description("libtorch intra-op threads."), DefaultValue(2)]
    public int Threads { get; init; } = 2;

    [CommandOption("--mutations <N>"), Description("Contradiction pairs made by negating or changing a number in FEVER's supported claims (both directions)."), DefaultValue(0)]
    public int Mutations { get; init; }

    [CommandOption("--negation-flips <N>"), Description("FEVER claims with a negation flipped against their own evidence: supported ones become contradictions, refuted ones entailments."), DefaultValue(0)]
    public int NegationFlips { get; init; }

    [CommandOption("--name-swaps <N>"), Description("Contradictions made by swapping a name in a supported FEVER claim for another claim's name after the same word."), DefaultValue(0)]
    public int NameSwaps { get; init; }

    [CommandOption("--antonym-swaps <N>"), Description("Contradictions made by replacing a word of a supported FEVER claim with its antonym."), DefaultValue(0)]
    public int AntonymSwaps { get; init; }

    [CommandOption("--same-template-neutrals <N>"), Description("Neutral pairs of two similar FEVER claims about different subjects (no capitalised word shared): one claim is the premise."), DefaultValue(0)]
    public int SameTemplateNeutrals { get; init; }

    [CommandOption("--subject-swaps <N>"), Description("Supported FEVER claims with the subject of a similar claim, against the original evidence: any class but entailment."), DefaultValue(0)]
    public int SubjectSwaps { get; init; }

    [CommandOption("--true-pairs <N>"), Description("Two true neighbouring sentences (a supported FEVER claim or its evidence, and the nearest other supported claim): any class but contradiction."), DefaultValue(0)]
    public int TruePairs { get; init; }

    [CommandOption("--rewordings <N>"), Description("FEVER claims said again in other words (voice, a date moved first, a superlative as a negated comparative): same label against their evidence, and supported ones entail their rewording both ways."), DefaultValue(0)]
    public int Rewordings { get; init; }

    [CommandOption("--specificity <N>"), Description("Supported FEVER claims made less exact (a date coarser, a number a bound) or set against another name (\"X rather than Y\"): which way precision runs."), DefaultValue(0)]
    public int Specificity { get; init; }

    [CommandOption("--negation-agreements <N>"), Description("FEVER claims negated on both sides: the negation in two surface forms (entailment), the positive claim (contradiction), the negation with another number (neutral)."), DefaultValue(0)]
    public int NegationAgreements { get; init; }

    [CommandOption("--negation-agreement-name-swaps"), Description("With --negation-agreements: also the negated claim with one name swapped (neutral), so that nearly the same words are no cue for entailment.")]
    public bool NegationAgreementNameSwaps { get; init; }

    [CommandOption("--claim-prior-weight <W>"), Description("Train against the starting model's claim-only prior (a product of experts, ClaimOnlyPrior): its centred log-probabilities for each claim against an empty premise, times W, are added to the logits in the loss only. 0 = off."), DefaultValue(0.0)]
    public double ClaimPriorWeight { get; init; }

    [CommandOption("--teacher <SAFETENSORS>"), Description("Confidence regularisation (ConfidenceRegularization): learn this adapter's answer for each pair instead of the gold label, flattened by how much of the gold answer its reading of the claim alone already gives. Not with --claim-prior-weight.")]
    public string? TeacherAdapter { get; init; }

    [CommandOption("--hold-out-fever"), Description("Keep FEVER's held-out claims (FeverHoldOut, about 6 %) out of training, for threshold tuning.")]
    public bool HoldOutFever { get; init; }

    [CommandOption("--init <SAFETENSORS>"), Description("Start from a trained adapter (a run's latest.safetensors) instead of zero adapters and a new head.")]
    public string? InitAdapter { get; init; }

    public DataMix Mix => new(TuneShare, SnliLimit, RteLimit, FeverLimit, FeverNeutrals, FragmentsPerFile,
        ClimateWeight, RteWeight, FragmentWeight, Seed, Mutations,
        NegationFlips, NameSwaps, AntonymSwaps, HoldOutFever, SampleSeed, SameTemplateNeutrals, SubjectSwaps, TruePairs, Rewordings, Specificity,
        NegationAgreements, NegationAgreementNameSwaps);

    [CommandOption("--skip-eval"), Description("No evaluation (smoke runs and tests).")]
    public bool SkipEvaluation { get; init; }
}

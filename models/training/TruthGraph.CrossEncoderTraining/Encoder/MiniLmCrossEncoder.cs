using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>
/// all-MiniLM-L6-v2 (BERT: 6 layers, 384 wide, 12 heads, GELU-erf, LayerNorm ε 1e-12) written out in TorchSharp, with
/// low-rank adapters on all 36 linear layers, trainable biases and LayerNorms, and a 3-way NLI head on the
/// attention-masked mean of the last hidden state (the pooling the encoder was trained with):
/// logits = W₂·dropout(tanh(W₁·mean + b₁)) + b₂. The top <c>fullyTrainedLayers</c> layers may instead train their
/// linear weights in full (no adapters there).
/// </summary>
public sealed class MiniLmCrossEncoder
{
    public const int Hidden = 384, HeadCount = 12, HeadSize = 32, LayerCount = 6, Labels = 3;
    private const double LayerNormEpsilon = 1e-12;

    private readonly Tensor _wordEmbeddings, _positionEmbeddings, _typeEmbeddings;
    private readonly Norm _embeddingNorm;
    private readonly EncoderLayer[] _layers;
    private readonly double _dropout;

    public MiniLmCrossEncoder(MiniLmOnnxWeights weights, LoraSettings lora, double dropout, int fullyTrainedLayers = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fullyTrainedLayers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fullyTrainedLayers, LayerCount);
        _dropout = dropout;
        _wordEmbeddings = Frozen(weights["embeddings.word_embeddings.weight"]);
        _positionEmbeddings = Frozen(weights["embeddings.position_embeddings.weight"]);
        _typeEmbeddings = Frozen(weights["embeddings.token_type_embeddings.weight"]);
        _embeddingNorm = new Norm(weights, "embeddings.LayerNorm");
        _layers = Enumerable.Range(0, LayerCount)
            .Select(i => new EncoderLayer(weights, $"encoder.layer.{i}", lora, trainWeights: i >= LayerCount - fullyTrainedLayers))
            .ToArray();
        // BERT's initialisation for new layers: N(0, 0.02), zero bias.
        HeadDenseWeight = new Parameter(normal(0, 0.02, [Hidden, Hidden]));
        HeadDenseBias = new Parameter(zeros(Hidden));
        HeadOutputWeight = new Parameter(normal(0, 0.02, [Labels, Hidden]));
        HeadOutputBias = new Parameter(zeros(Labels));
    }

    public Parameter HeadDenseWeight { get; }
    public Parameter HeadDenseBias { get; }
    public Parameter HeadOutputWeight { get; }
    public Parameter HeadOutputBias { get; }

    public IEnumerable<AdaptedLinear> Linears => _layers.SelectMany(l => l.Linears);

    public IEnumerable<Norm> Norms => _layers.SelectMany(l => l.Norms).Prepend(_embeddingNorm);

    /// <summary>Linear weights trained in full (the top layers'), which take their own, lower learning rate.</summary>
    public IEnumerable<Parameter> FullWeightParameters => Linears.Select(l => l.TrainedWeight).OfType<Parameter>();

    /// <summary>Weights that take weight decay: adapter factors and the head's matrices.</summary>
    public IEnumerable<Parameter> MatrixParameters =>
        Linears.SelectMany(l => new[] { l.A, l.B }).OfType<Parameter>().Append(HeadDenseWeight).Append(HeadOutputWeight);

    /// <summary>Biases and LayerNorm scales/shifts: trained without weight decay.</summary>
    public IEnumerable<Parameter> VectorParameters =>
        Linears.Select(l => l.Bias).Concat(Norms.SelectMany(n => new[] { n.Scale, n.Shift })).Append(HeadDenseBias).Append(HeadOutputBias);

    /// <summary><c>last_hidden_state</c> [batch, seq, 384] for int64 ids, mask and type ids [batch, seq].</summary>
    public Tensor Encode(Tensor ids, Tensor mask, Tensor types, bool training)
    {
        var length = ids.shape[1];
        var positions = arange(length, dtype: ScalarType.Int64);
        var x = _wordEmbeddings.index_select(0, ids.flatten()).view(ids.shape[0], length, Hidden)
            + _positionEmbeddings.index_select(0, positions).unsqueeze(0)
            + _typeEmbeddings.index_select(0, types.flatten()).view(ids.shape[0], length, Hidden);
        x = nn.functional.dropout(_embeddingNorm.Forward(x), _dropout, training);
        // Padding gets a large negative score before the soft-max, as BERT's extended attention mask does.
        var maskBias = (1 - mask.to_type(ScalarType.Float32)).mul(-10000f).view(ids.shape[0], 1, 1, length);
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, maskBias, _dropout, training);
        }
        return x;
    }

    public static Tensor MeanPool(Tensor hidden, Tensor mask)
    {
        var weights = mask.to_type(ScalarType.Float32).unsqueeze(-1);
        return (hidden * weights).sum(1) / weights.sum(1).clamp_min(1e-9);
    }

    /// <summary>Logits [batch, 3] in the order entailment, neutral, contradiction.</summary>
    public Tensor Forward(Tensor ids, Tensor mask, Tensor types, bool training)
    {
        var pooled = MeanPool(Encode(ids, mask, types, training), mask);
        var dense = nn.functional.linear(pooled, HeadDenseWeight, HeadDenseBias).tanh();
        return nn.functional.linear(nn.functional.dropout(dense, _dropout, training), HeadOutputWeight, HeadOutputBias);
    }

    private static Tensor Frozen(NamedWeight weight) => tensor(weight.Values, weight.Shape);

    /// <summary>A LayerNorm whose scale and shift are trainable.</summary>
    public sealed class Norm(MiniLmOnnxWeights weights, string prefix)
    {
        public string OnnxScaleName { get; } = weights[prefix + ".weight"].OnnxName;
        public string OnnxShiftName { get; } = weights[prefix + ".bias"].OnnxName;
        public Parameter Scale { get; } = new(tensor(weights[prefix + ".weight"].Values));
        public Parameter Shift { get; } = new(tensor(weights[prefix + ".bias"].Values));

        public Tensor Forward(Tensor x) => nn.functional.layer_norm(x, [Hidden], Scale, Shift, LayerNormEpsilon);
    }

    private sealed class EncoderLayer
    {
        private readonly AdaptedLinear _query, _key, _value, _attentionOutput, _intermediate, _output;
        private readonly Norm _attentionNorm, _outputNorm;

        public EncoderLayer(MiniLmOnnxWeights weights, string prefix, LoraSettings lora, bool trainWeights)
        {
            AdaptedLinear Linear(string name) => new(weights[$"{prefix}.{name}.weight"], weights[$"{prefix}.{name}.bias"], lora, trainWeights);
            _query = Linear("attention.self.query");
            _key = Linear("attention.self.key");
            _value = Linear("attention.self.value");
            _attentionOutput = Linear("attention.output.dense");
            _intermediate = Linear("intermediate.dense");
            _output = Linear("output.dense");
            _attentionNorm = new Norm(weights, $"{prefix}.attention.output.LayerNorm");
            _outputNorm = new Norm(weights, $"{prefix}.output.LayerNorm");
        }

        public IEnumerable<AdaptedLinear> Linears => [_query, _key, _value, _attentionOutput, _intermediate, _output];
        public IEnumerable<Norm> Norms => [_attentionNorm, _outputNorm];

        public Tensor Forward(Tensor x, Tensor maskBias, double dropout, bool training)
        {
            var (batch, length) = (x.shape[0], x.shape[1]);
            Tensor Heads(Tensor t) => t.view(batch, length, HeadCount, HeadSize).transpose(1, 2);
            var query = Heads(_query.Forward(x, training));
            var key = Heads(_key.Forward(x, training));
            var value = Heads(_value.Forward(x, training));
            var scores = query.matmul(key.transpose(-1, -2)).div_(Math.Sqrt(HeadSize)).add_(maskBias);
            var attention = nn.functional.dropout(scores.softmax(-1), dropout, training);
            var context = attention.matmul(value).transpose(1, 2).reshape(batch, length, Hidden);
            var attended = nn.functional.dropout(_attentionOutput.Forward(context, training), dropout, training);
            x = _attentionNorm.Forward(attended + x);
            var inner = nn.functional.gelu(_intermediate.Forward(x, training));
            var projected = nn.functional.dropout(_output.Forward(inner, training), dropout, training);
            return _outputNorm.Forward(projected + x);
        }
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>Low-rank adapter settings: ΔW = (Alpha / Rank) · B·A, with dropout on the adapter's input.</summary>
public sealed record LoraSettings(int Rank, double Alpha, double Dropout)
{
    public double Scale => Rank == 0 ? 0 : Alpha / Rank;
}

/// <summary>
/// A frozen pretrained linear layer plus a trainable low-rank update and a trainable bias:
/// y = x·Wᵀ + b + s·(dropout(x)·Aᵀ)·Bᵀ. B starts at zero, so before training the layer is exactly the pretrained one.
/// A fully trained layer (<paramref name="trainWeight"/>) has no adapter: W itself is the trainable parameter.
/// </summary>
public sealed class AdaptedLinear
{
    private readonly LoraSettings _lora;

    public AdaptedLinear(NamedWeight weight, NamedWeight bias, LoraSettings lora, bool trainWeight = false)
    {
        _lora = lora;
        OnnxWeightName = weight.OnnxName;
        OnnxBiasName = bias.OnnxName;
        Weight = trainWeight ? new Parameter(tensor(weight.Values, weight.Shape)) : tensor(weight.Values, weight.Shape);
        Bias = new Parameter(tensor(bias.Values, bias.Shape));
        var (outputs, inputs) = (weight.Shape[0], weight.Shape[1]);
        if (lora.Rank > 0 && !trainWeight)
        {
            // A as nn.Linear initialises its weight (Kaiming-uniform, bound 1/√in); B = 0.
            var bound = 1.0 / Math.Sqrt(inputs);
            A = new Parameter(empty(lora.Rank, inputs).uniform_(-bound, bound));
            B = new Parameter(zeros(outputs, lora.Rank));
        }
    }

    public string OnnxWeightName { get; }
    public string OnnxBiasName { get; }
    /// <summary>[out, in]; a <see cref="Parameter"/> when the layer is fully trained.</summary>
    public Tensor Weight { get; }

    public Parameter? TrainedWeight => Weight as Parameter;
    public Parameter Bias { get; }
    public Parameter? A { get; }
    public Parameter? B { get; }

    public Tensor Forward(Tensor x, bool training)
    {
        var y = nn.functional.linear(x, Weight, Bias);
        if (A is null || B is null)
        {
            return y;
        }
        var adapted = nn.functional.linear(nn.functional.linear(nn.functional.dropout(x, _lora.Dropout, training), A), B);
        return y.add_(adapted.mul_(_lora.Scale));
    }
}

using System.Globalization;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.Inference.Onnx.Adapters;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary>
/// What fine-tuning changed, keyed by the base ONNX file's initializer names so that the service can merge it into
/// that graph without knowing BERT (tensor names are the contract in <see cref="AdapterTensorNames"/>):
/// <list type="bullet">
/// <item><c>lora.&lt;weight&gt;.a</c> [r, in] and <c>.b</c> [out, r]: the initializer ([in, out]) becomes W + s·Aᵀ·Bᵀ.</item>
/// <item><c>set.&lt;initializer&gt;</c>: a trained bias or LayerNorm vector that replaces the base one, or a fully
/// trained linear weight in the initializer's own [in, out] layout, stored as float16.</item>
/// <item><c>head.*</c>: the new NLI head in ONNX layout ([in, out] matrices).</item>
/// </list>
/// </summary>
public static class AdapterExport
{
    public static byte[] ToSafeTensors(MiniLmCrossEncoder model, LoraSettings lora, string baseSha256)
    {
        var tensors = new List<NamedTensor>();
        foreach (var linear in model.Linears)
        {
            if (linear.TrainedWeight is { } weight)
            {
                // float16 halves the file; the service quantizes these weights to INT8, far coarser than float16's rounding.
                tensors.Add(Named(AdapterTensorNames.Replacement(linear.OnnxWeightName), weight.t(), storedAsHalf: true));
            }
            else if (linear.A is not null && linear.B is not null)
            {
                tensors.Add(Named(AdapterTensorNames.LoraA(linear.OnnxWeightName), linear.A));
                tensors.Add(Named(AdapterTensorNames.LoraB(linear.OnnxWeightName), linear.B));
            }
            tensors.Add(Named(AdapterTensorNames.Replacement(linear.OnnxBiasName), linear.Bias));
        }
        foreach (var norm in model.Norms)
        {
            tensors.Add(Named(AdapterTensorNames.Replacement(norm.OnnxScaleName), norm.Scale));
            tensors.Add(Named(AdapterTensorNames.Replacement(norm.OnnxShiftName), norm.Shift));
        }
        tensors.Add(Named(AdapterTensorNames.HeadDenseWeight, model.HeadDenseWeight.t()));
        tensors.Add(Named(AdapterTensorNames.HeadDenseBias, model.HeadDenseBias));
        tensors.Add(Named(AdapterTensorNames.HeadOutputWeight, model.HeadOutputWeight.t()));
        tensors.Add(Named(AdapterTensorNames.HeadOutputBias, model.HeadOutputBias));

        var metadata = new Dictionary<string, string>
        {
            [AdapterTensorNames.FormatKey] = AdapterTensorNames.Format,
            [AdapterTensorNames.LoraScaleKey] = lora.Scale.ToString("R", CultureInfo.InvariantCulture),
            [AdapterTensorNames.BaseSha256Key] = baseSha256,
            [AdapterTensorNames.PoolingKey] = "mean",
            [AdapterTensorNames.LabelsKey] = string.Join(',', NliLabels.Names),
        };
        return SafeTensorsFile.Write(tensors, metadata);
    }

    private static NamedTensor Named(string name, Tensor value, bool storedAsHalf = false)
    {
        using var noGrad = no_grad();
        using var contiguous = value.detach().contiguous();
        return new NamedTensor(name, contiguous.shape, contiguous.data<float>().ToArray(), storedAsHalf);
    }
}

using Microsoft.Extensions.Options;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>Refuses precision settings the service cannot honour at start-up, naming the key, instead of at a model's first load.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Int8Method) && !QuantizationMethods.TryParse(options.Int8Method, out _))
        {
            errors.Add($"Inference:Int8Method is '{options.Int8Method}'; use {QuantizationMethods.Names}.");
        }
        if (!string.IsNullOrWhiteSpace(options.Int8WeightEncoding)
            && !string.Equals(options.Int8WeightEncoding.Trim(), Int8WeightEncodings.Auto, StringComparison.OrdinalIgnoreCase)
            && !Int8WeightEncodings.TryParse(options.Int8WeightEncoding, out _))
        {
            errors.Add($"Inference:Int8WeightEncoding is '{options.Int8WeightEncoding}'; use {Int8WeightEncodings.Auto} | {Int8WeightEncodings.Names}.");
        }
        foreach (var (modelId, value) in options.Precision)
        {
            if (!ModelPrecision.TryParse(value, QuantizationMethods.Default, (Int8WeightEncoding.Signed8, ""), out _))
            {
                errors.Add($"Inference:Precision:{modelId} is '{value}'; use {string.Join(" or ", ModelPrecision.Names)}.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// A fixed share of FEVER's claims that training leaves out (<c>--hold-out-fever</c>), chosen by a hash of the claim
/// text so that every run and every tool agrees on it without a list in git. Verdict thresholds tuned on CLIMATE-FEVER
/// alone fit its long, noisy Wikipedia sentences; these short factual claims stand for what users type.
/// </summary>
public static class FeverHoldOut
{
    /// <summary>One claim in <see cref="Modulus"/> is held out.</summary>
    public const int Modulus = 16;

    public static bool IsHeldOut(string claim) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(claim.Trim()))[0] % Modulus == 0;
}

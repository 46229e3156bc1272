using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every service reads request bodies strictly: a member the request type does not declare is refused with a 400
/// that names it (<see cref="BadRequestProblemHandler"/>). Lenient reading turned <c>{"claim": "x", "top_k": 3}</c>
/// into a verification with k = 10 and no word of why. Only reading is affected; responses and the services' own
/// clients are unchanged, so a service may add a response member without breaking older callers.
/// </summary>
public static class StrictJson
{
    public static void Configure(JsonOptions options) =>
        options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
}

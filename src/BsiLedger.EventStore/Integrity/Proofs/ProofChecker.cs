using BsiLedger.Domain;
using BsiLedger.EventStore.Integrity.Checkpoints;

namespace BsiLedger.EventStore.Integrity.Proofs;

/// <summary>
/// Checks a proof document offline, against the checkpoint and the public key an auditor trusts: no database, only
/// the document, the checkpoint and the key (docs/tamper-evidence.md, "Checking a proof").
/// </summary>
public static class ProofChecker
{
    /// <exception cref="FormatException">The proof, or a checkpoint it embeds, is malformed.</exception>
    public static CheckOutcome Check(object proof, SignedCheckpoint trusted, VerifierKey key)
    {
        if (trusted.Refusal(key) is { } refusal)
        {
            return CheckOutcome.Failed("trusted checkpoint signature", refusal);
        }

        return proof switch
        {
            DeviceProof device => CheckDevice(device, trusted, key),
            ConsistencyProof consistency => CheckConsistency(consistency, trusted, key),
            _ => throw new FormatException($"not a proof; expected {ProofDocument.ExpectedForm}"),
        };
    }

    private static CheckOutcome CheckDevice(DeviceProof proof, SignedCheckpoint trusted, VerifierKey key)
    {
        var embedded = SignedCheckpoint.Parse(proof.Checkpoint);
        if (embedded.Refusal(key) is { } refusal)
        {
            return CheckOutcome.Failed("proof checkpoint signature", refusal);
        }

        if (!embedded.SameTree(trusted))
        {
            return CheckOutcome.Failed("checkpoint", $"the proof is against the tree of {embedded.Checkpoint.Size} events, the trusted checkpoint's has {trusted.Checkpoint.Size}: " +
                "prove again against the trusted checkpoint, or check a consistency proof between the two");
        }

        var tree = trusted.Checkpoint;
        ProvenEvent? before = null;
        foreach (var e in proof.Events)
        {
            var at = $"stream '{e.Stream}' version {e.Version}";
            if (e.Stream != proof.Device)
            {
                return CheckOutcome.Failed("device", $"{at} is not of device '{proof.Device}'");
            }

            var hashes = ProofDocument.Hashes([e.Previous, e.Hash]);
            var recomputed = ChainLink.Hash(hashes[0], e.Stream, e.Version, e.Type, e.Data, new Provenance(e.CorrelationId, e.CausationId));
            if (recomputed != hashes[1])
            {
                return CheckOutcome.Failed("event hash", $"{at}: its row hashes to {recomputed}, not its stored hash {e.Hash} (the row or the hash was changed)");
            }

            if (proof.Version is null)
            {
                var expected = before is null ? (1L, EventHash.None.ToString()) : (before.Version + 1, before.Hash);
                if ((e.Version, e.Previous) != expected)
                {
                    return CheckOutcome.Failed("versions", $"{at} does not follow {(before is null ? "the stream's start" : $"version {before.Version}")}: " +
                        $"expected version {expected.Item1} linked to {expected.Item2}");
                }
            }

            if (!InclusionPath.Verify(e.LeafIndex, tree.Size, TreeHashing.Leaf(hashes[1]), ProofDocument.Hashes(e.InclusionPath), tree.Root))
            {
                return CheckOutcome.Failed("inclusion", $"{at}: its inclusion path from leaf {e.LeafIndex} does not lead to the root of the tree of {tree.Size} events");
            }

            before = e;
        }

        var versions = proof.Version is { } only ? $"version {only}" : $"versions 1 to {proof.Events[^1].Version}";
        return CheckOutcome.Passed($"valid: device '{proof.Device}' {versions} are in the ledger's tree of {tree.Size} events, as stored when it was signed");
    }

    private static CheckOutcome CheckConsistency(ConsistencyProof proof, SignedCheckpoint trusted, VerifierKey key)
    {
        var from = SignedCheckpoint.Parse(proof.From);
        var to = SignedCheckpoint.Parse(proof.To);
        if (from.Refusal(key) is { } fromRefusal)
        {
            return CheckOutcome.Failed("proof checkpoint signature", $"'from': {fromRefusal}");
        }

        if (to.Refusal(key) is { } toRefusal)
        {
            return CheckOutcome.Failed("proof checkpoint signature", $"'to': {toRefusal}");
        }

        if (!trusted.SameTree(from) && !trusted.SameTree(to))
        {
            return CheckOutcome.Failed("checkpoint", $"the proof is between the trees of {from.Checkpoint.Size} and {to.Checkpoint.Size} events; the trusted checkpoint ({trusted.Checkpoint.Size}) is neither");
        }

        if (!ConsistencyPath.Verify(from.Checkpoint.Size, to.Checkpoint.Size, from.Checkpoint.Root, to.Checkpoint.Root, ProofDocument.Hashes(proof.Path)))
        {
            return CheckOutcome.Failed("consistency", $"the path does not prove that the tree of {to.Checkpoint.Size} events extends the tree of {from.Checkpoint.Size}");
        }

        return CheckOutcome.Passed($"valid: the ledger's tree of {to.Checkpoint.Size} events extends its tree of {from.Checkpoint.Size} events");
    }
}

import { MissingBisection } from "@/components/bisection/missing-bisection";

export default function BisectionNotFound() {
  return <MissingBisection />;
}

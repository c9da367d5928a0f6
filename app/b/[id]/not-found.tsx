"use client";
import { useParams } from "next/navigation";
import { MissingBisection } from "@/components/bisection/missing-bisection";

export default function BisectionNotFound() {
  const params = useParams<{ id?: string }>();
  return <MissingBisection id={typeof params?.id === "string" ? params.id : ""} />;
}

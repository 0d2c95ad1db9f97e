/** mulberry32: seeded PRNG; see prng.js. */
export declare function mulberry32(seed: number): () => number;
